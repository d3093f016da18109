//! `casus data fetch` against a local HTTP server on loopback that serves
//! release archives built from the real data directory: a good mirror, a
//! corrupt file, a truncated transfer that is then resumed, and a 404.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use casus_data::catalog::{self, DOWNLOADS};
use casus_data::fetch::{FetchError, Quiet, Source, fetch, sha256_hex};
use casus_data::real_data_dir;
use zip::write::SimpleFileOptions;

/// The release files, as the providers lay them out, built from the data directory.
fn releases() -> HashMap<String, Vec<u8>> {
    let data = real_data_dir();
    let read = |p: &str| std::fs::read(data.join(p)).unwrap();
    // Providers ship CRLF files; fetch must normalize them.
    let crlf = |b: Vec<u8>| String::from_utf8(b).unwrap().replace('\n', "\r\n").into_bytes();
    let zip_of = |entries: Vec<(&str, Vec<u8>)>| {
        let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        for (name, bytes) in entries {
            w.start_file(name, SimpleFileOptions::default()).unwrap();
            w.write_all(&bytes).unwrap();
        }
        w.finish().unwrap().into_inner()
    };
    // ATOP's full directed dyad-year file has more columns than casus keeps.
    let core = String::from_utf8(read("atop/atop5_1ddyr_core.csv")).unwrap();
    let mut full = String::new();
    for (i, line) in core.lines().enumerate() {
        let c: Vec<&str> = line.split(',').collect();
        let extra = if i == 0 { ("atopally", "version") } else { ("1", "5.1") };
        full.push_str(&format!(
            "{},{},{},{},{},{}\n",
            c[0],
            c[1],
            c[2],
            extra.0,
            c[3..].join(","),
            extra.1
        ));
    }
    let mut out = HashMap::new();
    out.insert(
        "atop_5.1__.csv_.zip".to_string(),
        zip_of(vec![
            ("ATOP 5.1 (.csv)/atop5_1m.csv", crlf(read("atop/atop5_1m.csv"))),
            ("ATOP 5.1 (.csv)/atop5_1a.csv", read("atop/atop5_1a.csv")),
            ("ATOP 5.1 (.csv)/atop5_1aph.csv", read("atop/atop5_1aph.csv")),
            ("ATOP 5.1 (.csv)/atop5_1sy.csv", read("atop/atop5_1sy.csv")),
            ("ATOP 5.1 (.csv)/atop5_1ddyr.csv", crlf(full.into_bytes())),
        ]),
    );
    for f in ["states2016.csv", "system2016.csv", "majors2016.csv"] {
        out.insert(f.to_string(), crlf(read(&format!("cow_states/{f}"))));
    }
    // NMC ships its data in a zip inside the zip.
    let inner = zip_of(vec![("NMC-70-abridged.csv", read("cow_nmc/NMC-70-abridged.csv"))]);
    out.insert(
        "NMCv7.zip".to_string(),
        zip_of(vec![("NMCv7/NMC-v7-abridged.zip", inner)]),
    );
    out.insert(
        "DirectContiguity320.zip".to_string(),
        zip_of(vec![
            ("DirectContiguity320/contdird.csv", read("cow_contiguity/contdird.csv")),
            ("DirectContiguity320/contdir.csv", read("cow_contiguity/contdir.csv")),
            ("DirectContiguity320/contdirs.csv", read("cow_contiguity/contdirs.csv")),
        ]),
    );
    out.insert(
        "MID-5-Data-and-Supporting-Materials.zip".to_string(),
        zip_of(vec![
            ("MIDA 5.0.csv", crlf(read("cow_mid/MIDA_5.0.csv"))),
            ("MIDB 5.0.csv", read("cow_mid/MIDB_5.0.csv")),
            ("MIDI 5.0.csv", read("cow_mid/MIDI_5.0.csv")),
            ("MIDIP 5.0.csv", read("cow_mid/MIDIP_5.0.csv")),
        ]),
    );
    out
}

/// Requests seen by the server: (path, Range header).
type RequestLog = Arc<Mutex<Vec<(String, Option<String>)>>>;

/// A loopback HTTP/1.1 server for the tests: serves `files`, honours `Range`,
/// answers 404 for the rest, and can cut one transfer short.
struct Server {
    base: String,
    requests: RequestLog,
}

impl Server {
    fn start(files: HashMap<String, Vec<u8>>, cut_first: Option<(&str, usize)>) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let requests = Arc::new(Mutex::new(Vec::new()));
        let log = Arc::clone(&requests);
        let cut = Arc::new(Mutex::new(cut_first.map(|(n, at)| (n.to_string(), at))));
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(stream) = stream else { break };
                serve(stream, &files, &log, &cut);
            }
        });
        Server { base, requests }
    }

    fn ranges_for(&self, name: &str) -> Vec<Option<String>> {
        self.requests
            .lock()
            .unwrap()
            .iter()
            .filter(|(p, _)| p == name)
            .map(|(_, r)| r.clone())
            .collect()
    }
}

fn serve(
    mut stream: TcpStream,
    files: &HashMap<String, Vec<u8>>,
    log: &Mutex<Vec<(String, Option<String>)>>,
    cut: &Mutex<Option<(String, usize)>>,
) {
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut first = String::new();
    if reader.read_line(&mut first).is_err() {
        return;
    }
    let path = first
        .split_whitespace()
        .nth(1)
        .unwrap_or("/")
        .trim_start_matches('/')
        .to_string();
    let mut range = None;
    loop {
        let mut h = String::new();
        if reader.read_line(&mut h).unwrap_or(0) == 0 || h == "\r\n" {
            break;
        }
        if let Some(v) = h.strip_prefix("Range: ").or_else(|| h.strip_prefix("range: ")) {
            range = Some(v.trim().to_string());
        }
    }
    log.lock().unwrap().push((path.clone(), range.clone()));
    let Some(body) = files.get(&path) else {
        let _ = stream.write_all(b"HTTP/1.1 404 Not Found\r\nContent-Length: 9\r\nConnection: close\r\n\r\nnot found");
        return;
    };
    let start: usize = range
        .as_deref()
        .and_then(|r| r.strip_prefix("bytes=")?.strip_suffix('-')?.parse().ok())
        .unwrap_or(0);
    let part = &body[start.min(body.len())..];
    let head = if start > 0 {
        format!(
            "HTTP/1.1 206 Partial Content\r\nContent-Length: {}\r\nContent-Range: bytes {start}-{}/{}\r\nConnection: close\r\n\r\n",
            part.len(),
            body.len() - 1,
            body.len()
        )
    } else {
        format!(
            "HTTP/1.1 200 OK\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
            part.len()
        )
    };
    let _ = stream.write_all(head.as_bytes());
    let mut cut = cut.lock().unwrap();
    let send = match cut.as_ref() {
        Some((name, at)) if *name == path => {
            let n = *at;
            *cut = None;
            &part[..n.min(part.len())]
        }
        _ => part,
    };
    let _ = stream.write_all(send);
    let _ = stream.flush();
}

fn scratch(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("casus-fetch-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    d
}

fn assert_all_verified(dir: &Path) {
    for f in catalog::FILES.iter().filter(|f| f.origin != catalog::Origin::Manual) {
        let bytes = std::fs::read(dir.join(f.path)).unwrap_or_else(|_| panic!("{} missing", f.path));
        if let Some(h) = f.sha256 {
            assert_eq!(sha256_hex(&bytes), h, "{}", f.path);
        }
    }
    assert!(!dir.join(".casus-downloads").exists(), "no download leftovers");
}

#[test]
fn a_good_mirror_yields_every_file_verified() {
    let server = Server::start(releases(), None);
    let dir = scratch("good");
    let report = fetch(&dir, &Source::Mirror(server.base.clone()), false, &mut Quiet).unwrap();
    assert_eq!(report.files.len(), 16);
    assert!(report.files["atop/atop5_1ddyr_core.csv"].starts_with("rebuilt from atop5_1ddyr.csv"));
    assert_all_verified(&dir);
    // The data directory works: the ATOP check passes on it.
    let base = casus_data::load_treaty_base(&dir).unwrap();
    assert_eq!(base.commitments.len(), 2510);
    // A second run finds everything in place and downloads nothing.
    let before = server.requests.lock().unwrap().len();
    let again = fetch(&dir, &Source::Mirror(server.base.clone()), false, &mut Quiet).unwrap();
    assert!(again.files.values().all(|v| v == "already present and verified"));
    assert_eq!(server.requests.lock().unwrap().len(), before);
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn a_corrupt_file_is_refused_and_not_kept() {
    let mut files = releases();
    let mid = files.get_mut("MID-5-Data-and-Supporting-Materials.zip").unwrap();
    // Rebuild the MID archive with one changed value in MIDA.
    let data = real_data_dir();
    let mida = String::from_utf8(std::fs::read(data.join("cow_mid/MIDA_5.0.csv")).unwrap())
        .unwrap()
        .replacen(",1816,", ",1817,", 1);
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, bytes) in [
        ("MIDA 5.0.csv", mida.into_bytes()),
        (
            "MIDB 5.0.csv",
            std::fs::read(data.join("cow_mid/MIDB_5.0.csv")).unwrap(),
        ),
    ] {
        w.start_file(name, SimpleFileOptions::default()).unwrap();
        w.write_all(&bytes).unwrap();
    }
    *mid = w.finish().unwrap().into_inner();
    let server = Server::start(files, None);
    let dir = scratch("corrupt");
    let e = fetch(&dir, &Source::Mirror(server.base.clone()), false, &mut Quiet).unwrap_err();
    assert!(
        matches!(&e, FetchError::HashMismatch { path, .. } if path == "cow_mid/MIDA_5.0.csv"),
        "{e}"
    );
    assert!(e.to_string().contains("does not match the pinned de8df3e4"), "{e}");
    assert!(
        !dir.join("cow_mid/MIDA_5.0.csv").exists(),
        "a file that fails its hash is not kept"
    );
    // What came before it in the catalog was fetched and verified.
    assert!(dir.join("cow_contiguity/contdird.csv").exists());
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn a_truncated_transfer_fails_then_resumes_where_it_stopped() {
    let files = releases();
    let atop_len = files["atop_5.1__.csv_.zip"].len();
    let cut_at = atop_len / 2;
    let server = Server::start(files, Some(("atop_5.1__.csv_.zip", cut_at)));
    let dir = scratch("resume");
    let e = fetch(&dir, &Source::Mirror(server.base.clone()), false, &mut Quiet).unwrap_err();
    assert!(
        matches!(e, FetchError::Truncated { got, expected, .. } if got == cut_at as u64 && expected == atop_len as u64),
        "{e}"
    );
    assert!(e.to_string().contains("run the same command again to resume"));
    let part = dir.join(".casus-downloads/atop_5.1__.csv_.zip.part");
    assert_eq!(std::fs::metadata(&part).unwrap().len(), cut_at as u64);
    assert!(
        !dir.join("atop/atop5_1m.csv").exists(),
        "nothing under its final name from a broken transfer"
    );
    fetch(&dir, &Source::Mirror(server.base.clone()), false, &mut Quiet).unwrap();
    assert_eq!(
        server.ranges_for("atop_5.1__.csv_.zip"),
        vec![None, Some(format!("bytes={cut_at}-"))]
    );
    assert_all_verified(&dir);
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn a_missing_release_is_a_404_naming_the_address() {
    let mut files = releases();
    files.remove("NMCv7.zip");
    let server = Server::start(files, None);
    let dir = scratch("404");
    let e = fetch(&dir, &Source::Mirror(server.base.clone()), false, &mut Quiet).unwrap_err();
    let want = format!("{}/NMCv7.zip: the server answered 404", server.base);
    assert!(e.to_string().contains(&want), "{e}");
    assert!(!dir.join("cow_nmc").exists());
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn a_folder_of_release_archives_works_like_a_mirror() {
    let dir = scratch("folder-src");
    std::fs::create_dir_all(&dir).unwrap();
    for (name, bytes) in releases() {
        std::fs::write(dir.join(name), bytes).unwrap();
    }
    let out = scratch("folder-out");
    fetch(&out, &Source::Folder(dir.clone()), false, &mut Quiet).unwrap();
    assert_all_verified(&out);
    assert_eq!(
        DOWNLOADS.len(),
        std::fs::read_dir(&dir).unwrap().count(),
        "the source folder is left as it was"
    );
    std::fs::remove_dir_all(dir).unwrap();
    std::fs::remove_dir_all(out).unwrap();
}
