//! Scenario files: a TOML description of a crisis.
//!
//! ```toml
//! attackers = ["Tajikistan"]
//! targets = ["KGZ"]
//! date = "2021-04-29"
//! location = "home"     # or "elsewhere"; optional
//! provoked = false      # optional
//! ```

use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use crate::DataError;

/// A scenario as written, with names not yet resolved and the position of each value.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScenarioSpec {
    #[serde(default, alias = "attacker")]
    pub attackers: Vec<Spanned<String>>,
    #[serde(default, alias = "target")]
    pub targets: Vec<Spanned<String>>,
    pub date: Option<Spanned<String>>,
    pub location: Option<Spanned<String>>,
    pub provoked: Option<bool>,
}

/// A parsed scenario file and the text it came from (to place later errors).
#[derive(Debug, Clone)]
pub struct ScenarioFile {
    pub path: PathBuf,
    pub text: String,
    pub spec: ScenarioSpec,
}

impl ScenarioFile {
    pub fn read(path: &Path) -> Result<ScenarioFile, DataError> {
        let text = std::fs::read_to_string(path).map_err(|source| DataError::Io {
            path: path.to_path_buf(),
            source,
        })?;
        let spec: ScenarioSpec = toml::from_str(&text).map_err(|e| toml_error(path, &text, &e))?;
        Ok(ScenarioFile {
            path: path.to_path_buf(),
            text,
            spec,
        })
    }

    /// An error placed at a value of this file.
    pub fn error_at(&self, span: std::ops::Range<usize>, message: String) -> DataError {
        let (line, column) = line_column(&self.text, span.start);
        DataError::Pack {
            path: self.path.clone(),
            line,
            column,
            message,
        }
    }
}

/// Turns a TOML parse error into one that names file, line and column.
pub fn toml_error(path: &Path, text: &str, e: &toml::de::Error) -> DataError {
    let (line, column) = e.span().map_or((1, 1), |s| line_column(text, s.start));
    DataError::Pack {
        path: path.to_path_buf(),
        line,
        column,
        message: e.message().trim().to_string(),
    }
}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_are_one_based() {
        let t = "a = 1\nbb = [\n  \"x\"]\n";
        assert_eq!(line_column(t, 0), (1, 1));
        assert_eq!(line_column(t, t.find("\"x\"").unwrap()), (3, 3));
    }

    #[test]
    fn unknown_keys_and_bad_types_are_placed() {
        let dir = std::env::temp_dir().join(format!("casus-scn-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let p = dir.join("s.toml");
        std::fs::write(
            &p,
            "attackers = [\"TJK\"]\ntargets = [\"KGZ\"]\ndate = \"2021-04-29\"\nprovokd = true\n",
        )
        .unwrap();
        let e = ScenarioFile::read(&p).unwrap_err().to_string();
        assert!(e.contains("s.toml:4:1"), "{e}");
        assert!(e.contains("provokd"), "{e}");
        std::fs::write(&p, "attackers = \"TJK\"\n").unwrap();
        let e = ScenarioFile::read(&p).unwrap_err().to_string();
        assert!(e.contains("s.toml:1:13"), "{e}");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
