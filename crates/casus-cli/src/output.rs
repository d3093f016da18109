//! Writing results: to stdout, or atomically to a file (a temporary file in the
//! same directory, renamed into place), so that no half-written output is left.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::CliError;

/// Writes `bytes` to `path` through a temporary file and a rename.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), CliError> {
    let err = |source| CliError::Write {
        path: path.to_path_buf(),
        source,
    };
    let tmp = temp_path(path);
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result.map_err(err)
}

fn temp_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map_or_else(|| "out".into(), |n| n.to_string_lossy().into_owned());
    path.with_file_name(format!(".{name}.{}.tmp", std::process::id()))
}

/// Sends output to `--out FILE` or to stdout.
pub fn emit(out: Option<&Path>, text: &str) -> Result<(), CliError> {
    match out {
        Some(p) => write_atomic(p, text.as_bytes()),
        None => {
            let mut stdout = std::io::stdout().lock();
            // A closed pipe (`casus ... | head`) is not an error worth reporting.
            match stdout.write_all(text.as_bytes()).and_then(|()| stdout.flush()) {
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
                r => r.map_err(|source| CliError::Write {
                    path: "stdout".into(),
                    source,
                }),
            }
        }
    }
}
