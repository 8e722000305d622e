//! Helpers shared by integration tests.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

/// LibreOffice's `soffice`, when installed. Tests that need it skip (saying so) without it; CI
/// does not install it.
pub fn soffice() -> Option<PathBuf> {
    let out = Command::new("soffice").arg("--version").output().ok()?;
    out.status.success().then(|| PathBuf::from("soffice"))
}

/// A LibreOffice profile that recalculates every formula when it loads a file.
pub fn recalculating_profile(dir: &Path) -> String {
    let user = dir.join("lo-profile/user");
    std::fs::create_dir_all(&user).unwrap();
    std::fs::write(
        user.join("registrymodifications.xcu"),
        r#"<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"#,
    )
    .unwrap();
    format!(
        "-env:UserInstallation=file://{}",
        dir.join("lo-profile").display()
    )
}

/// Converts a file with LibreOffice (recalculating on load) into `outdir`.
pub fn lo_convert(file: &Path, to: &str, outdir: &Path, profile_dir: &Path) -> bool {
    let profile = recalculating_profile(profile_dir);
    Command::new("soffice")
        .arg(profile)
        .args(["--headless", "--convert-to", to, "--outdir"])
        .arg(outdir)
        .arg(file)
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false)
}
