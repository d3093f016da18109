//! Validated access to a CSV file's columns: every value read names its file,
//! line and column when it is not what the reader expects.

use std::path::{Path, PathBuf};
use std::str::FromStr;

use csv::ByteRecord;

use crate::DataError;

/// An open CSV file whose header has been checked for the columns a reader needs.
pub struct Table {
    path: PathBuf,
    reader: csv::Reader<std::fs::File>,
    header: Vec<String>,
}

/// A column index resolved against a header.
#[derive(Debug, Clone, Copy)]
pub struct Col {
    index: usize,
    name: &'static str,
}

impl Table {
    pub fn open(path: &Path) -> Result<Table, DataError> {
        let file = std::fs::File::open(path).map_err(|source| DataError::Io {
            path: path.to_path_buf(),
            source,
        })?;
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(true)
            .flexible(true)
            .from_reader(file);
        let header = reader
            .headers()
            .map_err(|e| DataError::csv(path, &e))?
            .iter()
            .map(|h| h.trim().trim_start_matches('\u{feff}').to_string())
            .collect();
        Ok(Table {
            path: path.to_path_buf(),
            reader,
            header,
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Resolves a required column, or fails naming the file and what the header holds.
    pub fn col(&self, name: &'static str) -> Result<Col, DataError> {
        match self.header.iter().position(|h| h == name) {
            Some(index) => Ok(Col { index, name }),
            None => Err(DataError::MissingColumn {
                path: self.path.clone(),
                column: name.to_string(),
                header: preview(&self.header),
            }),
        }
    }

    /// Resolves several required columns at once.
    pub fn cols<const N: usize>(&self, names: [&'static str; N]) -> Result<[Col; N], DataError> {
        let mut out = [Col { index: 0, name: "" }; N];
        for (slot, name) in out.iter_mut().zip(names) {
            *slot = self.col(name)?;
        }
        Ok(out)
    }

    /// Calls `f` on every data row, reusing one record buffer.
    pub fn for_each_row(&mut self, mut f: impl FnMut(&Row<'_>) -> Result<(), DataError>) -> Result<(), DataError> {
        let mut rec = ByteRecord::new();
        loop {
            match self.reader.read_byte_record(&mut rec) {
                Ok(false) => return Ok(()),
                Ok(true) => {}
                Err(e) => return Err(DataError::csv(&self.path, &e)),
            }
            let line = rec.position().map_or(0, |p| p.line());
            if rec.len() != self.header.len() {
                return Err(DataError::FieldCount {
                    path: self.path.clone(),
                    line,
                    expected: self.header.len(),
                    found: rec.len(),
                });
            }
            f(&Row {
                rec: &rec,
                line,
                path: &self.path,
            })?;
        }
    }
}

fn preview(header: &[String]) -> String {
    let shown: Vec<&str> = header.iter().take(8).map(String::as_str).collect();
    let more = if header.len() > 8 {
        format!(", ... ({} columns)", header.len())
    } else {
        String::new()
    };
    format!("{}{more}", shown.join(", "))
}

/// One data row of a [`Table`].
pub struct Row<'a> {
    rec: &'a ByteRecord,
    line: u64,
    path: &'a Path,
}

impl Row<'_> {
    pub fn line(&self) -> u64 {
        self.line
    }

    pub fn raw(&self, col: Col) -> &[u8] {
        self.rec.get(col.index).unwrap_or(b"")
    }

    pub fn str(&self, col: Col) -> Result<&str, DataError> {
        std::str::from_utf8(self.raw(col)).map_err(|_| self.bad(col, "UTF-8 text"))
    }

    /// A required number.
    pub fn num<T: FromStr>(&self, col: Col, expected: &'static str) -> Result<T, DataError> {
        self.opt_num(col, expected)?.ok_or_else(|| self.bad(col, expected))
    }

    /// A number that may be blank (ATOP's and UCDP's missing value).
    pub fn opt_num<T: FromStr>(&self, col: Col, expected: &'static str) -> Result<Option<T>, DataError> {
        let raw = self.raw(col);
        let text = std::str::from_utf8(raw).map_err(|_| self.bad(col, expected))?.trim();
        if text.is_empty() || text == "NA" {
            return Ok(None);
        }
        // Integers are sometimes written with a trailing `.0` by spreadsheet exports.
        let text = text.strip_suffix(".0").unwrap_or(text);
        text.parse::<T>().map(Some).map_err(|_| self.bad(col, expected))
    }

    /// A 0/1 flag.
    pub fn flag(&self, col: Col) -> Result<bool, DataError> {
        match self.raw(col) {
            b"0" => Ok(false),
            b"1" => Ok(true),
            _ => Err(self.bad(col, "0 or 1")),
        }
    }

    /// A 0/1 flag that may be blank.
    pub fn opt_flag(&self, col: Col) -> Result<Option<bool>, DataError> {
        match self.raw(col) {
            b"" => Ok(None),
            b"0" => Ok(Some(false)),
            b"1" => Ok(Some(true)),
            _ => Err(self.bad(col, "0, 1 or blank")),
        }
    }

    /// An error naming this row's file, line and the column.
    pub fn bad(&self, col: Col, expected: &str) -> DataError {
        DataError::BadValue {
            path: self.path.to_path_buf(),
            line: self.line,
            column: col.index + 1,
            name: col.name.to_string(),
            value: String::from_utf8_lossy(self.raw(col)).into_owned(),
            expected: expected.to_string(),
        }
    }

    /// An error about this row as a whole.
    pub fn invalid(&self, col: Col, message: String) -> DataError {
        DataError::Invalid {
            path: self.path.to_path_buf(),
            line: self.line,
            column: col.index + 1,
            message,
        }
    }
}
