//! `casus data fetch` and `casus data check`: getting the providers' releases
//! into a data directory, and validating a directory filled by hand.
//!
//! Downloads go to `DIR/.casus-downloads/NAME.part` and resume from there
//! (HTTP `Range`) after an interruption. Every file kept is normalized (LF
//! line endings, final newline), checked against its pinned SHA-256, and only
//! then renamed into place, so no half-written or unverified file ever sits
//! under its final name.

use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::catalog::{self, DataFile, Derivation, Download, Origin};

/// Where releases come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// The providers' own addresses ([`catalog::DOWNLOADS`]).
    Providers,
    /// A mirror: `BASE/NAME` for each download's file name.
    Mirror(String),
    /// A local folder holding the downloads by name, or already laid out like a data directory.
    Folder(PathBuf),
}

impl Source {
    /// `--from`: an `http(s)://` address is a mirror, anything else a folder.
    pub fn parse(from: Option<&str>) -> Source {
        match from {
            None => Source::Providers,
            Some(s) if s.starts_with("http://") || s.starts_with("https://") => {
                Source::Mirror(s.trim_end_matches('/').to_string())
            }
            Some(s) => Source::Folder(PathBuf::from(s)),
        }
    }
}

/// What went wrong while fetching; each message says how to fix it.
#[derive(Debug, thiserror::Error)]
pub enum FetchError {
    #[error("{url}: the server answered {status}; check the address, or give a mirror or a folder with --from")]
    Status { url: String, status: u16 },
    #[error("{url}: {message}; check the network, or give a mirror or a folder with --from")]
    Network { url: String, message: String },
    #[error("{url}: the transfer stopped after {got} of {expected} bytes; run the same command again to resume")]
    Truncated { url: String, got: u64, expected: u64 },
    #[error("{}: not a readable zip archive ({message}); delete it and fetch again", path.display())]
    Archive { path: PathBuf, message: String },
    #[error("{archive}: has no file named `{member}`; this is not the release casus expects")]
    MissingMember { archive: String, member: String },
    #[error(
        "{path}: SHA-256 {actual} does not match the pinned {expected}; the download is corrupt or not the expected release. Fetch again; if it persists, the provider changed the file"
    )]
    HashMismatch {
        path: String,
        expected: String,
        actual: String,
    },
    #[error("{path}: {message}")]
    Structure { path: String, message: String },
    #[error("{}: neither {name} nor the file itself is in this folder", folder.display())]
    NotInFolder { folder: PathBuf, name: String },
    #[error("{}: {source}", path.display())]
    Io { path: PathBuf, source: std::io::Error },
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> FetchError + '_ {
    move |source| FetchError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// Receives progress from a fetch, for a progress bar.
pub trait Progress {
    /// A transfer starts; `total` bytes if known, `already` bytes resumed.
    fn start(&mut self, what: &str, total: Option<u64>, already: u64);
    fn advance(&mut self, bytes: u64);
    /// The current item is done; `message` says how.
    fn finish(&mut self, message: &str);
}

/// A [`Progress`] that ignores everything.
pub struct Quiet;

impl Progress for Quiet {
    fn start(&mut self, _: &str, _: Option<u64>, _: u64) {}
    fn advance(&mut self, _: u64) {}
    fn finish(&mut self, _: &str) {}
}

/// What a fetch did with each file.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct FetchReport {
    /// Path, and what happened ("verified", "already present", ...).
    pub files: BTreeMap<String, String>,
}

/// LF line endings and a final newline, the form hashes are pinned for.
pub fn normalize(bytes: Vec<u8>) -> Vec<u8> {
    let mut out = if bytes.contains(&b'\r') {
        let mut v = Vec::with_capacity(bytes.len());
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i] == b'\r' {
                v.push(b'\n');
                if bytes.get(i + 1) == Some(&b'\n') {
                    i += 1;
                }
            } else {
                v.push(bytes[i]);
            }
            i += 1;
        }
        v
    } else {
        bytes
    };
    if !out.is_empty() && out.last() != Some(&b'\n') {
        out.push(b'\n');
    }
    out
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// Writes `bytes` to `path` whole, creating its folder.
fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), FetchError> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(io(parent))?;
    }
    crate::atomic::write(path, &[bytes]).map_err(io(path))
}

/// Checks normalized content against the catalog: the pinned hash, or for a
/// file without one, its header and row count.
fn verify(info: &DataFile, bytes: &[u8]) -> Result<(), FetchError> {
    match info.sha256 {
        Some(expected) => {
            let actual = sha256_hex(bytes);
            if actual != expected {
                return Err(FetchError::HashMismatch {
                    path: info.path.into(),
                    expected: expected.into(),
                    actual,
                });
            }
        }
        None => {
            let rows = bytes.iter().filter(|&&b| b == b'\n').count().saturating_sub(1);
            if rows != info.rows {
                return Err(FetchError::Structure {
                    path: info.path.into(),
                    message: format!(
                        "{rows} data rows, expected {}; this is not the release casus expects",
                        info.rows
                    ),
                });
            }
        }
    }
    Ok(())
}

/// Fetches every release into `dir`. Files already present and verified are
/// kept unless `force`.
pub fn fetch(dir: &Path, source: &Source, force: bool, progress: &mut dyn Progress) -> Result<FetchReport, FetchError> {
    std::fs::create_dir_all(dir).map_err(io(dir))?;
    let mut report = FetchReport::default();
    for download in catalog::DOWNLOADS {
        let derived: Vec<&Derivation> = catalog::DERIVATIONS
            .iter()
            .filter(|d| d.download == download.name)
            .collect();
        let targets: Vec<&str> = download
            .members
            .iter()
            .map(|m| m.1)
            .chain(derived.iter().map(|d| d.path))
            .collect();
        if !force && targets.iter().all(|t| present_and_valid(dir, t)) {
            for t in &targets {
                report
                    .files
                    .insert((*t).to_string(), "already present and verified".into());
            }
            continue;
        }
        // A folder already laid out like a data directory: copy and verify.
        if let Source::Folder(folder) = source
            && !folder.join(download.name).is_file()
            && targets.iter().all(|t| folder.join(t).is_file())
        {
            for t in &targets {
                progress.start(t, None, 0);
                let bytes = normalize(std::fs::read(folder.join(t)).map_err(io(&folder.join(t)))?);
                keep(dir, t, bytes)?;
                progress.finish(&format!("{t}: copied and verified"));
                report.files.insert((*t).to_string(), "copied and verified".into());
            }
            continue;
        }
        let archive = obtain(dir, download, source, progress)?;
        let bytes = std::fs::read(&archive).map_err(io(&archive))?;
        for (inner, path) in download.members {
            let content = if download.members.len() == 1 && download.name == *inner && !is_zip(&bytes) {
                bytes.clone()
            } else {
                extract(&archive, &bytes, inner)?
            };
            keep(dir, path, normalize(content))?;
            report.files.insert(
                (*path).to_string(),
                format!("extracted from {} and verified", download.name),
            );
        }
        for d in derived {
            let content = normalize(extract(&archive, &bytes, d.inner)?);
            let kept = select_columns(&content, d.columns).map_err(|message| FetchError::Structure {
                path: d.inner.into(),
                message,
            })?;
            keep(dir, d.path, kept)?;
            report.files.insert(
                d.path.to_string(),
                format!("rebuilt from {} in {} and verified", d.inner, download.name),
            );
        }
        // Remove what casus downloaded, never a file of the user's --from folder.
        if archive.starts_with(dir.join(DOWNLOADS_DIR)) {
            let _ = std::fs::remove_file(&archive);
        }
        progress.finish(&format!("{}: {} file(s) verified", download.dataset, targets.len()));
    }
    let _ = std::fs::remove_dir(dir.join(DOWNLOADS_DIR));
    Ok(report)
}

const DOWNLOADS_DIR: &str = ".casus-downloads";

fn present_and_valid(dir: &Path, path: &str) -> bool {
    let Some(info) = catalog::file_info(path) else {
        return false;
    };
    std::fs::read(dir.join(path))
        .map(normalize)
        .is_ok_and(|b| verify(info, &b).is_ok())
}

fn keep(dir: &Path, path: &str, bytes: Vec<u8>) -> Result<(), FetchError> {
    let info = catalog::file_info(path).expect("catalog paths are known");
    verify(info, &bytes)?;
    write_atomic(&dir.join(path), &bytes)
}

fn is_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
}

/// Gets a download's file into `DIR/.casus-downloads/`, resuming a partial one.
fn obtain(dir: &Path, d: &Download, source: &Source, progress: &mut dyn Progress) -> Result<PathBuf, FetchError> {
    let cache = dir.join(DOWNLOADS_DIR);
    std::fs::create_dir_all(&cache).map_err(io(&cache))?;
    let done = cache.join(d.name);
    let url = match source {
        Source::Providers => d.url.to_string(),
        Source::Mirror(base) => format!("{base}/{}", d.name),
        Source::Folder(folder) => {
            let p = folder.join(d.name);
            if !p.is_file() {
                return Err(FetchError::NotInFolder {
                    folder: folder.clone(),
                    name: d.name.into(),
                });
            }
            return Ok(p);
        }
    };
    let part = cache.join(format!("{}.part", d.name));
    download_resuming(&url, &part, progress)?;
    std::fs::rename(&part, &done).map_err(io(&done))?;
    Ok(done)
}

/// Downloads `url` into `part`, continuing from its current length.
pub fn download_resuming(url: &str, part: &Path, progress: &mut dyn Progress) -> Result<(), FetchError> {
    let have = std::fs::metadata(part).map(|m| m.len()).unwrap_or(0);
    let agent: ureq::Agent = ureq::Agent::config_builder().http_status_as_error(false).build().into();
    let mut req = agent.get(url);
    if have > 0 {
        req = req.header("Range", &format!("bytes={have}-"));
    }
    let response = req.call().map_err(|e| FetchError::Network {
        url: url.into(),
        message: e.to_string(),
    })?;
    let status = response.status().as_u16();
    let (mut offset, append) = match status {
        206 => (have, true),
        200 => (0, false),
        // The part is already whole.
        416 if have > 0 => return Ok(()),
        s => {
            return Err(FetchError::Status {
                url: url.into(),
                status: s,
            });
        }
    };
    let length: Option<u64> = response
        .headers()
        .get("content-length")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse().ok());
    let total = length.map(|l| l + offset);
    progress.start(url, total, offset);
    let mut file = std::fs::OpenOptions::new()
        .create(true)
        .write(true)
        .append(append)
        .truncate(!append)
        .open(part)
        .map_err(io(part))?;
    let mut body = response.into_body().into_reader();
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        let n = match body.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) => {
                file.flush().map_err(io(part))?;
                return match total {
                    Some(t) => Err(FetchError::Truncated {
                        url: url.into(),
                        got: offset,
                        expected: t,
                    }),
                    None => Err(FetchError::Network {
                        url: url.into(),
                        message: e.to_string(),
                    }),
                };
            }
        };
        file.write_all(&buf[..n]).map_err(io(part))?;
        offset += n as u64;
        progress.advance(n as u64);
    }
    file.sync_all().map_err(io(part))?;
    if let Some(t) = total
        && offset < t
    {
        return Err(FetchError::Truncated {
            url: url.into(),
            got: offset,
            expected: t,
        });
    }
    Ok(())
}

/// Reads the file named `inner` (by its last path component) from a zip,
/// looking inside zips nested in it too.
fn extract(archive: &Path, bytes: &[u8], inner: &str) -> Result<Vec<u8>, FetchError> {
    find_in_zip(bytes, inner)
        .map_err(|message| FetchError::Archive {
            path: archive.to_path_buf(),
            message,
        })?
        .ok_or_else(|| FetchError::MissingMember {
            archive: crate::atop::file_name(archive),
            member: inner.into(),
        })
}

fn find_in_zip(bytes: &[u8], inner: &str) -> Result<Option<Vec<u8>>, String> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|e| e.to_string())?;
    let mut nested = Vec::new();
    for i in 0..zip.len() {
        let mut entry = zip.by_index(i).map_err(|e| e.to_string())?;
        let full = entry.name().map_err(|e| e.to_string())?.into_owned();
        let name = full.rsplit('/').next().unwrap_or("").to_string();
        if name == inner {
            let mut out = Vec::with_capacity(usize::try_from(entry.size()).unwrap_or(0));
            entry.read_to_end(&mut out).map_err(|e| e.to_string())?;
            return Ok(Some(out));
        }
        if name.ends_with(".zip") {
            let mut out = Vec::new();
            entry.read_to_end(&mut out).map_err(|e| e.to_string())?;
            nested.push(out);
        }
    }
    for n in nested {
        if let Some(found) = find_in_zip(&n, inner)? {
            return Ok(Some(found));
        }
    }
    Ok(None)
}

/// Keeps `columns` of a CSV, in that order.
fn select_columns(csv_bytes: &[u8], columns: &[&str]) -> Result<Vec<u8>, String> {
    let mut r = csv::ReaderBuilder::new().from_reader(csv_bytes);
    let header = r.headers().map_err(|e| e.to_string())?.clone();
    let idx: Vec<usize> = columns
        .iter()
        .map(|c| {
            header
                .iter()
                .position(|h| h == *c)
                .ok_or_else(|| format!("no column `{c}`"))
        })
        .collect::<Result<_, _>>()?;
    let mut w = csv::WriterBuilder::new().from_writer(Vec::with_capacity(csv_bytes.len() / 2));
    w.write_record(columns).map_err(|e| e.to_string())?;
    let mut rec = csv::ByteRecord::new();
    while r.read_byte_record(&mut rec).map_err(|e| e.to_string())? {
        w.write_record(idx.iter().map(|&i| rec.get(i).unwrap_or(b"")))
            .map_err(|e| e.to_string())?;
    }
    w.into_inner().map_err(|e| e.to_string())
}

/// The state of one file in a data directory.
#[derive(Debug, Clone)]
pub struct FileStatus {
    pub info: &'static DataFile,
    pub present: bool,
    pub rows: Option<usize>,
    /// The `version` column's value, where the file has one.
    pub version: Option<String>,
    /// First and last year the file covers.
    pub years: Option<(i32, i32)>,
    /// Problems, each with how to fix it.
    pub problems: Vec<String>,
    /// Remarks that need no fix (CRLF line endings).
    pub remarks: Vec<String>,
}

/// Validates a data directory: which files are present, their versions and
/// years, and any that differ from the pinned releases.
pub fn check(dir: &Path) -> Vec<FileStatus> {
    catalog::FILES.iter().map(|info| check_file(dir, info)).collect()
}

fn check_file(dir: &Path, info: &'static DataFile) -> FileStatus {
    let path = dir.join(info.path);
    let mut st = FileStatus {
        info,
        present: false,
        rows: None,
        version: None,
        years: None,
        problems: Vec::new(),
        remarks: Vec::new(),
    };
    let raw = match std::fs::read(&path) {
        Ok(b) => b,
        Err(_) => {
            st.problems.push(match info.origin {
                Origin::Released | Origin::Derived => {
                    format!("missing: run `casus data fetch --dir {}`", dir.display())
                }
                Origin::Manual => format!(
                    "missing: optional for the scenario engine; docs/data.md says where {} comes from",
                    info.dataset
                ),
            });
            return st;
        }
    };
    st.present = true;
    if raw.contains(&b'\r') {
        st.remarks
            .push("CRLF line endings: casus reads them, but `casus data fetch` would store LF".into());
    }
    let bytes = normalize(raw);
    let (rows, version, years) = describe(&bytes);
    st.rows = Some(rows);
    st.version = version;
    st.years = years;
    if let Err(e) = verify(info, &bytes) {
        let fix = match info.origin {
            Origin::Released | Origin::Derived => {
                format!("replace it with `casus data fetch --dir {} --force`", dir.display())
            }
            Origin::Manual => "replace it with the release docs/data.md names".to_string(),
        };
        st.problems.push(format!("{e}; {fix}"));
    }
    st
}

/// Rows, the `version` value and the span of the year columns.
fn describe(bytes: &[u8]) -> (usize, Option<String>, Option<(i32, i32)>) {
    let mut r = csv::ReaderBuilder::new().flexible(true).from_reader(bytes);
    let Ok(header) = r.headers().cloned() else {
        return (0, None, None);
    };
    let find = |names: &[&str]| names.iter().find_map(|n| header.iter().position(|h| h == *n));
    let version = find(&["version"]);
    let first = find(&["year", "styear", "begyr", "yrent", "stdate", "startdate", "start_date"]);
    let last = find(&["year", "endyear", "endyr", "yrexit", "enddate", "end"]);
    let (mut rows, mut v, mut lo, mut hi) = (0, None, i32::MAX, i32::MIN);
    let year_of = |s: &[u8]| -> Option<i32> {
        let y: i32 = std::str::from_utf8(s.get(..4)?).ok()?.parse().ok()?;
        (1700..=2100).contains(&y).then_some(y)
    };
    let mut rec = csv::ByteRecord::new();
    while r.read_byte_record(&mut rec).unwrap_or(false) {
        rows += 1;
        if v.is_none()
            && let Some(i) = version
        {
            v = rec.get(i).map(|s| String::from_utf8_lossy(s).into_owned());
        }
        for (col, is_first) in [(first, true), (last, false)] {
            if let Some(y) = col.and_then(|i| rec.get(i)).and_then(year_of) {
                if is_first { lo = lo.min(y) } else { hi = hi.max(y) }
            }
        }
    }
    let years = (lo <= hi).then_some((lo, hi));
    (rows, v, years)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalize_makes_lf_and_a_final_newline() {
        assert_eq!(normalize(b"a,b\r\n1,2\r\n".to_vec()), b"a,b\n1,2\n");
        assert_eq!(normalize(b"a,b\n1,2".to_vec()), b"a,b\n1,2\n");
        assert_eq!(normalize(b"a\rb".to_vec()), b"a\nb\n");
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn columns_are_selected_in_order() {
        let out = select_columns(b"x,stateA,y,stateB\n1,2,3,4\n", &["stateB", "stateA"]).unwrap();
        assert_eq!(out, b"stateB,stateA\n4,2\n");
        assert!(
            select_columns(b"x\n1\n", &["stateA"])
                .unwrap_err()
                .contains("no column `stateA`")
        );
    }
}
