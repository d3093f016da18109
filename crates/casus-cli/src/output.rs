//! Writing results: to stdout, or atomically to a file (a temporary file in the
//! same directory, renamed into place), so that no half-written output is left.

use std::io::Write;
use std::path::Path;

use crate::error::CliError;

/// Writes `bytes` to `path` whole or not at all.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), CliError> {
    casus_data::atomic::write(path, &[bytes]).map_err(|source| CliError::Write {
        path: path.to_path_buf(),
        source,
    })
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
