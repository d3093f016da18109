use std::path::PathBuf;

/// Every error the `casus` binary can report; `main` renders them in one place.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error(transparent)]
    Data(#[from] casus_data::DataError),
    #[error("{flag}: {source}")]
    Name {
        flag: String,
        source: casus_model::NameError,
    },
    #[error("{flag}: {source}")]
    Date {
        flag: String,
        source: casus_model::DateError,
    },
    #[error(transparent)]
    Scenario(#[from] casus_engine::ScenarioError),
    #[error("{0}")]
    Usage(String),
    #[error("cannot write {}: {source}", path.display())]
    Write { path: PathBuf, source: std::io::Error },
    #[error("{0}")]
    CheckFailed(String),
    #[error(transparent)]
    Fetch(#[from] casus_data::fetch::FetchError),
}

impl CliError {
    /// Exit code: 2 for problems with what the user typed or wrote, 1 otherwise.
    pub fn exit_code(&self) -> i32 {
        match self {
            CliError::Usage(_) | CliError::Name { .. } | CliError::Date { .. } | CliError::Scenario(_) => 2,
            CliError::Data(casus_data::DataError::Pack { .. }) => 2,
            _ => 1,
        }
    }
}
