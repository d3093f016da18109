//! Writing a file whole or not at all: the bytes go to a temporary file in the
//! same folder, which is synced and then renamed over the destination. A
//! failure removes the temporary file, so no partial file is ever left under
//! the destination's name.

use std::io::Write;
use std::path::{Path, PathBuf};

/// Writes `chunks`, in order, to `path`.
pub fn write<B: AsRef<[u8]>>(path: &Path, chunks: &[B]) -> std::io::Result<()> {
    let tmp = temp_path(path);
    let result = (|| {
        let f = std::fs::File::create(&tmp)?;
        let mut w = std::io::BufWriter::with_capacity(1 << 20, f);
        for c in chunks {
            w.write_all(c.as_ref())?;
        }
        let f = w.into_inner().map_err(|e| e.into_error())?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

fn temp_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map_or_else(|| "out".into(), |n| n.to_string_lossy().into_owned());
    path.with_file_name(format!(".{name}.{}.tmp", std::process::id()))
}

#[cfg(test)]
mod tests {
    #[test]
    fn writes_whole_and_leaves_nothing_on_failure() {
        let dir = std::env::temp_dir().join(format!("casus-atomic-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let p = dir.join("a.csv");
        super::write(&p, &[b"x,y\n".as_slice(), b"1,2\n"]).unwrap();
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "x,y\n1,2\n");
        // A destination inside a missing folder fails, and leaves no temporary file.
        let e = super::write(&dir.join("missing/b.csv"), &[b"z"]);
        assert!(e.is_err());
        assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 1);
        std::fs::remove_dir_all(dir).unwrap();
    }
}
