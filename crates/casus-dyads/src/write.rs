//! Writing frames: CSV rows formatted in parallel chunks, written through a
//! temporary file renamed into place, with the data dictionary beside it.

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::FrameError;
use crate::columns::{ColumnDoc, ColumnGroup};

pub(crate) fn field_empty(out: &mut Vec<u8>) {
    out.push(b',');
}

pub(crate) fn field_bool(out: &mut Vec<u8>, v: bool) {
    out.extend_from_slice(if v { b",1" } else { b",0" });
}

pub(crate) fn field_u64(out: &mut Vec<u8>, v: u64) {
    out.push(b',');
    out.extend_from_slice(itoa::Buffer::new().format(v).as_bytes());
}

pub(crate) fn field_i64(out: &mut Vec<u8>, v: i64) {
    out.push(b',');
    out.extend_from_slice(itoa::Buffer::new().format(v).as_bytes());
}

pub(crate) fn field_f64(out: &mut Vec<u8>, v: f64) {
    out.push(b',');
    if v.is_finite() && v == v.trunc() && v.abs() < 1e15 {
        out.extend_from_slice(itoa::Buffer::new().format(v as i64).as_bytes());
    } else {
        out.extend_from_slice(ryu::Buffer::new().format(v).as_bytes());
    }
}

/// Key columns of a frame and their documentation.
pub struct Keys {
    pub names: &'static [&'static str],
    pub docs: Vec<ColumnDoc>,
}

/// Formats every row (`key` writes the key fields without a leading comma)
/// and writes the CSV to `out` (or returns it when `out` is `None`).
/// `progress` is called with the number of rows done after each chunk.
pub fn render<R: Sync>(
    rows: &[R],
    keys: &Keys,
    groups: &[Box<dyn ColumnGroup<R> + '_>],
    key: impl Fn(&R, &mut Vec<u8>) + Sync,
    progress: &(dyn Fn(usize) + Sync),
) -> Vec<Vec<u8>> {
    let mut header = keys.names.join(",");
    for g in groups {
        for d in g.docs() {
            header.push(',');
            header.push_str(&d.name);
        }
    }
    header.push('\n');
    const CHUNK: usize = 32 * 1024;
    let done = std::sync::atomic::AtomicUsize::new(0);
    let mut chunks: Vec<Vec<u8>> = rows
        .par_chunks(CHUNK)
        .enumerate()
        .map(|(c, chunk)| {
            let mut out = Vec::with_capacity(chunk.len() * 96);
            for (j, r) in chunk.iter().enumerate() {
                let i = c * CHUNK + j;
                key(r, &mut out);
                for g in groups {
                    g.write(i, r, &mut out);
                }
                out.push(b'\n');
            }
            let n = done.fetch_add(chunk.len(), std::sync::atomic::Ordering::Relaxed) + chunk.len();
            progress(n);
            out
        })
        .collect();
    chunks.insert(0, header.into_bytes());
    chunks
}

/// The data dictionary of a frame, as CSV: column, meaning, source.
pub fn dictionary<R>(keys: &Keys, groups: &[Box<dyn ColumnGroup<R> + '_>]) -> Vec<u8> {
    let mut docs = keys.docs.clone();
    for g in groups {
        docs.extend(g.docs());
    }
    let mut s = String::from("column,meaning,source\n");
    for d in docs {
        s.push_str(&format!(
            "{},{},{}\n",
            quote(&d.name),
            quote(&d.meaning),
            quote(d.source)
        ));
    }
    s.into_bytes()
}

fn quote(s: &str) -> String {
    if s.contains([',', '"', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// A frame formatted as CSV, with its data dictionary.
pub struct Rendered {
    pub rows: usize,
    pub columns: usize,
    /// The CSV, header first, in chunks to write in order.
    pub csv: Vec<Vec<u8>>,
    pub dictionary: Vec<u8>,
}

impl Rendered {
    /// Writes the CSV to `path` and the dictionary beside it, each atomically.
    pub fn write_to(&self, path: &std::path::Path) -> Result<std::path::PathBuf, FrameError> {
        write_atomic(path, &self.csv)?;
        let dict = dictionary_path(path);
        write_atomic(&dict, std::slice::from_ref(&self.dictionary))?;
        Ok(dict)
    }
}

/// Formats a whole frame: the CSV in chunks, the dictionary, and the counts.
pub fn render_frame<R: Sync>(
    rows: &[R],
    keys: &Keys,
    groups: &[Box<dyn ColumnGroup<R> + '_>],
    key: impl Fn(&R, &mut Vec<u8>) + Sync,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> Rendered {
    let total = rows.len();
    let csv = render(rows, keys, groups, key, &|n| progress(n, total));
    let columns = keys.names.len() + groups.iter().map(|g| g.docs().len()).sum::<usize>();
    Rendered {
        rows: total,
        columns,
        csv,
        dictionary: dictionary(keys, groups),
    }
}

/// The dictionary's path beside an output: `d.csv` -> `d.dictionary.csv`.
pub fn dictionary_path(out: &Path) -> PathBuf {
    let stem = out
        .file_stem()
        .map_or_else(|| "frame".into(), |s| s.to_string_lossy().into_owned());
    out.with_file_name(format!("{stem}.dictionary.csv"))
}

/// Writes the chunks to `path` whole or not at all.
pub fn write_atomic(path: &Path, chunks: &[Vec<u8>]) -> Result<(), FrameError> {
    casus_data::atomic::write(path, chunks).map_err(|source| FrameError::Write {
        path: path.to_path_buf(),
        source,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_format_as_r_and_stata_read_them() {
        let mut v = Vec::new();
        field_f64(&mut v, 0.039697491);
        field_f64(&mut v, 932.508);
        field_f64(&mut v, 0.0);
        field_f64(&mut v, 12.0);
        field_i64(&mut v, -9);
        field_empty(&mut v);
        field_bool(&mut v, true);
        assert_eq!(String::from_utf8(v).unwrap(), ",0.039697491,932.508,0,12,-9,,1");
        assert_eq!(dictionary_path(Path::new("/x/d.csv")), Path::new("/x/d.dictionary.csv"));
        assert_eq!(quote("a, \"b\""), "\"a, \"\"b\"\"\"");
    }
}
