//! What a data directory holds: every file, where it comes from, and the
//! SHA-256 of its content (LF line endings, final newline) as pinned from the
//! reference copy's MANIFEST.csv.
//!
//! The download addresses of the providers' official releases are listed here
//! and nowhere else.

/// How a file gets into a data directory.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// Extracted from a provider's release by `casus data fetch`.
    Released,
    /// Rebuilt by casus from a released file (see [`Derivation`]).
    Derived,
    /// Not fetched by casus: the user places it (see docs/data.md).
    Manual,
}

/// One file of the data directory.
#[derive(Debug, Clone, Copy)]
pub struct DataFile {
    /// Path inside the data directory, `/`-separated.
    pub path: &'static str,
    pub dataset: &'static str,
    pub origin: Origin,
    /// SHA-256 of the normalized content; `None` where no official value is known.
    pub sha256: Option<&'static str>,
    /// Data rows (header excluded) in the pinned version.
    pub rows: usize,
    /// Why the hash is not pinned, or other caveats.
    pub note: &'static str,
}

/// A provider's download: one archive (or bare file) and the files taken from it.
#[derive(Debug, Clone, Copy)]
pub struct Download {
    pub dataset: &'static str,
    pub url: &'static str,
    /// File name of the download, also looked up under `--from`.
    pub name: &'static str,
    /// (file name inside the archive, path in the data directory). A bare
    /// file has one entry whose inner name is its own.
    pub members: &'static [(&'static str, &'static str)],
}

/// A file casus rebuilds from a released one instead of downloading it.
#[derive(Debug, Clone, Copy)]
pub struct Derivation {
    pub path: &'static str,
    /// The download and the file inside it that it is built from.
    pub download: &'static str,
    pub inner: &'static str,
    /// The columns kept, in order.
    pub columns: &'static [&'static str],
}

/// The providers' official releases, by their published download links.
pub const DOWNLOADS: &[Download] = &[
    Download {
        dataset: "ATOP 5.1",
        url: "http://www.atopdata.org/uploads/6/9/1/3/69134503/atop_5.1__.csv_.zip",
        name: "atop_5.1__.csv_.zip",
        members: &[
            ("atop5_1m.csv", "atop/atop5_1m.csv"),
            ("atop5_1a.csv", "atop/atop5_1a.csv"),
            ("atop5_1aph.csv", "atop/atop5_1aph.csv"),
            ("atop5_1sy.csv", "atop/atop5_1sy.csv"),
        ],
    },
    Download {
        dataset: "COW State System Membership v2016",
        url: "https://correlatesofwar.org/wp-content/uploads/states2016.csv",
        name: "states2016.csv",
        members: &[("states2016.csv", "cow_states/states2016.csv")],
    },
    Download {
        dataset: "COW State System Membership v2016",
        url: "https://correlatesofwar.org/wp-content/uploads/system2016.csv",
        name: "system2016.csv",
        members: &[("system2016.csv", "cow_states/system2016.csv")],
    },
    Download {
        dataset: "COW State System Membership v2016",
        url: "https://correlatesofwar.org/wp-content/uploads/majors2016.csv",
        name: "majors2016.csv",
        members: &[("majors2016.csv", "cow_states/majors2016.csv")],
    },
    Download {
        dataset: "COW National Material Capabilities 7.0",
        url: "https://correlatesofwar.org/wp-content/uploads/NMCv7.zip",
        name: "NMCv7.zip",
        members: &[("NMC-70-abridged.csv", "cow_nmc/NMC-70-abridged.csv")],
    },
    Download {
        dataset: "COW Direct Contiguity 3.2",
        url: "https://correlatesofwar.org/wp-content/uploads/DirectContiguity320.zip",
        name: "DirectContiguity320.zip",
        members: &[
            ("contdird.csv", "cow_contiguity/contdird.csv"),
            ("contdir.csv", "cow_contiguity/contdir.csv"),
            ("contdirs.csv", "cow_contiguity/contdirs.csv"),
        ],
    },
    Download {
        dataset: "COW MID 5.0",
        url: "https://correlatesofwar.org/wp-content/uploads/MID-5-Data-and-Supporting-Materials.zip",
        name: "MID-5-Data-and-Supporting-Materials.zip",
        members: &[
            ("MIDA 5.0.csv", "cow_mid/MIDA_5.0.csv"),
            ("MIDB 5.0.csv", "cow_mid/MIDB_5.0.csv"),
            ("MIDI 5.0.csv", "cow_mid/MIDI_5.0.csv"),
            ("MIDIP 5.0.csv", "cow_mid/MIDIP_5.0.csv"),
        ],
    },
];

/// ATOP's directed dyad-year obligations, kept to the columns casus compares.
pub const DERIVATIONS: &[Derivation] = &[Derivation {
    path: "atop/atop5_1ddyr_core.csv",
    download: "atop_5.1__.csv_.zip",
    inner: "atop5_1ddyr.csv",
    columns: &[
        "stateA", "stateB", "year", "defense", "offense", "neutral", "nonagg", "consul",
    ],
}];

const fn file(
    path: &'static str,
    dataset: &'static str,
    origin: Origin,
    sha256: &'static str,
    rows: usize,
) -> DataFile {
    DataFile {
        path,
        dataset,
        origin,
        sha256: Some(sha256),
        rows,
        note: "",
    }
}

/// Every file of the data directory layout, with the pinned SHA-256 of its
/// normalized content (from the reference copy's MANIFEST.csv).
pub const FILES: &[DataFile] = &[
    file(
        "atop/atop5_1m.csv",
        "ATOP 5.1",
        Origin::Released,
        "b13b70c7b07e8316b70a7d64b084780510d934edc9785f46496dfabfdc8a440b",
        2510,
    ),
    file(
        "atop/atop5_1a.csv",
        "ATOP 5.1",
        Origin::Released,
        "cc6026b7ea8094d4c172c46ddc555fb7809eb675450ac83738ea801a0407e59a",
        789,
    ),
    file(
        "atop/atop5_1aph.csv",
        "ATOP 5.1",
        Origin::Released,
        "7995e4cf460fd841fe92c84dd497e8bc41169c94e764eae15d88394962722836",
        849,
    ),
    file(
        "atop/atop5_1sy.csv",
        "ATOP 5.1",
        Origin::Released,
        "bb81f3bfc166932f3fb6ca7134891b84d2ef34bc87a9c5975c4ef6b704632108",
        11923,
    ),
    file(
        "atop/atopinst5_1.csv",
        "ATOP 5.1 institutionalization",
        Origin::Manual,
        "d2c7f0dcfd9df792b9aaf884fe352375cbd2c4781b668582c717f4afbda1ecb1",
        849,
    ),
    file(
        "atop/atop5_1ddyr_core.csv",
        "ATOP 5.1 directed dyad-year (5 obligation flags)",
        Origin::Derived,
        "7a51c9beb8c25ac753c9eacf7f1949dc0f3acbe509e9dc5781a35c08f46b2cfa",
        273296,
    ),
    file(
        "cow_states/states2016.csv",
        "COW State System Membership v2016",
        Origin::Released,
        "76733bacf602007038b72e2ebec24d37a34ba6dc36793eb7c894af82e952f735",
        243,
    ),
    file(
        "cow_states/system2016.csv",
        "COW State System Membership v2016",
        Origin::Released,
        "4b4b6b39c3e7886247680b2fb0ee032e703d9c18a55fd99a8acc84427aa4f8af",
        15951,
    ),
    file(
        "cow_states/majors2016.csv",
        "COW major powers v2016",
        Origin::Released,
        "bc5f1b0363b43d9300838978059d4f651c73d3600e6a7e1568ad5d5965912b7f",
        14,
    ),
    file(
        "cow_states/majors2024.csv",
        "COW major powers v2024",
        Origin::Manual,
        "ca7c2b8e1a82e0d43a07b6f8db38d9b26f196d8d9343fa357f31cde614b96d95",
        14,
    ),
    DataFile {
        path: "cow_nmc/NMC-70-abridged.csv",
        dataset: "COW National Material Capabilities 7.0",
        origin: Origin::Released,
        sha256: None,
        rows: 17121,
        note: "no official SHA-256 is pinned: the reference copy was reconstructed and may format small cinc values differently; casus checks the columns and the row count instead",
    },
    file(
        "cow_contiguity/contdird.csv",
        "COW Direct Contiguity 3.2",
        Origin::Released,
        "42b8fe2bc7fffe58665a38f7476d7d76cf3acd5a22e176c3691670997a4717f2",
        82498,
    ),
    file(
        "cow_contiguity/contdir.csv",
        "COW Direct Contiguity 3.2",
        Origin::Released,
        "62f3714d1a75c940887bf15b40b256aeeb41545734ab13abe96ab3f49a980362",
        847,
    ),
    file(
        "cow_contiguity/contdirs.csv",
        "COW Direct Contiguity 3.2",
        Origin::Released,
        "5caa5cbc0cf42fdfdcecf7a277a60885aabdb63f2933146da7e9b19217b44339",
        15951,
    ),
    file(
        "cow_mid/MIDA_5.0.csv",
        "COW MID 5.0",
        Origin::Released,
        "de8df3e45ef0801032ac14f1950ac56201667e5be7f1020f9e1cbd35533b3d7a",
        2436,
    ),
    file(
        "cow_mid/MIDB_5.0.csv",
        "COW MID 5.0",
        Origin::Released,
        "79370937a8d1b34b9066099db1de017ca124f448c4c67170b6f81805ffb97cfe",
        5883,
    ),
    file(
        "cow_mid/MIDI_5.0.csv",
        "COW MID 5.0",
        Origin::Released,
        "d7c989a7d5664969ac166ec5f8cdd55b4dc7ace00d4c890a8473078f76014627",
        4483,
    ),
    file(
        "cow_mid/MIDIP_5.0.csv",
        "COW MID 5.0",
        Origin::Released,
        "147eef1c28fd1935a6f8df7e947ba7025a94196af2c79145523df017430293dd",
        9619,
    ),
    file(
        "mie/mie-1.0.csv",
        "MIE 1.0",
        Origin::Manual,
        "d47197c413684200915ba6623711c8636f9e95947d782f825f887b22fee7bb0d",
        28011,
    ),
    file(
        "gml_mid/gml-ddy-disputes-2.2.1.csv",
        "GML MID 2.2.1",
        Origin::Manual,
        "16c89683cabc1ea20243dd86928868bf8bdf348e162aa0c1ca3ba233fa5d7f39",
        10276,
    ),
    file(
        "ucdp/UcdpPrioConflict_v25_1.csv",
        "UCDP/PRIO ACD 25.1",
        Origin::Manual,
        "4f398c4ae338552eabe84e88477ec4dead945a194734cf259d251cb472bf7567",
        2752,
    ),
    file(
        "gw_states/gw_states_iisystem2017.csv",
        "Gleditsch-Ward states 2017",
        Origin::Manual,
        "80e062971052837012f0a76849e4c6642d4680ce60cfc910125d7fb1534f028d",
        216,
    ),
    file(
        "cshapes/cow_mindist.csv",
        "CShapes 2.0 minimum distances",
        Origin::Manual,
        "d838e405cec03c28e12fb9ec493d4db6d8efb0cf195e194e216e611467b43e7f",
        952244,
    ),
    file(
        "cshapes/cow_capitals.csv",
        "Capitals (peacesciencer)",
        Origin::Manual,
        "8a350460f35b1b7dfa9d0dc4816e1d6becf1c84bbee1c96051865c35d2e0cba3",
        242,
    ),
    file(
        "crosswalk/countrycode_codelist.csv",
        "countrycode 1.8.0 code list",
        Origin::Manual,
        "2632dba9d168d0ae0174468b27c62671668d8f8a4a84112dced13e4126e46980",
        292,
    ),
];

/// The catalog entry for a path.
pub fn file_info(path: &str) -> Option<&'static DataFile> {
    FILES.iter().find(|f| f.path == path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_fetched_or_derived_path_is_in_the_catalog() {
        for d in DOWNLOADS {
            for (_, path) in d.members {
                assert_eq!(file_info(path).map(|f| f.origin), Some(Origin::Released), "{path}");
            }
        }
        for d in DERIVATIONS {
            assert_eq!(file_info(d.path).map(|f| f.origin), Some(Origin::Derived));
            assert!(DOWNLOADS.iter().any(|x| x.name == d.download));
        }
        let released = FILES.iter().filter(|f| f.origin == Origin::Released).count();
        assert_eq!(released, DOWNLOADS.iter().map(|d| d.members.len()).sum::<usize>());
    }
}
