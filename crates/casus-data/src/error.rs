use std::path::{Path, PathBuf};

/// Everything that can go wrong reading a dataset or a pack. Each variant names
/// the file and, where there is one, the line and column, and says what was expected.
#[derive(Debug, thiserror::Error)]
pub enum DataError {
    #[error("{}: cannot read it: {source}", path.display())]
    Io { path: PathBuf, source: std::io::Error },

    #[error("{}:{line}: malformed CSV: {message}", path.display())]
    Csv { path: PathBuf, line: u64, message: String },

    #[error("{}:{line}: expected {expected} fields like the header, found {found}", path.display())]
    FieldCount {
        path: PathBuf,
        line: u64,
        expected: usize,
        found: usize,
    },

    #[error("{}: no column `{column}` in the header (it starts: {header}); is this the right file, unmodified?", path.display())]
    MissingColumn {
        path: PathBuf,
        column: String,
        header: String,
    },

    #[error("{}:{line}:{column}: column `{name}` holds `{value}`, expected {expected}", path.display())]
    BadValue {
        path: PathBuf,
        line: u64,
        column: usize,
        name: String,
        value: String,
        expected: String,
    },

    #[error("{}:{line}:{column}: {message}", path.display())]
    Invalid {
        path: PathBuf,
        line: u64,
        column: usize,
        message: String,
    },

    #[error("{}: {message}", path.display())]
    Inconsistent { path: PathBuf, message: String },

    #[error("{}:{line}:{column}: {message}", path.display())]
    Pack {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },

    #[error("data directory {}: {message}", path.display())]
    DataDir { path: PathBuf, message: String },
}

impl DataError {
    pub(crate) fn csv(path: &Path, e: &csv::Error) -> DataError {
        let line = e.position().map_or(0, |p| p.line());
        DataError::Csv {
            path: path.to_path_buf(),
            line,
            message: e.to_string(),
        }
    }
}
