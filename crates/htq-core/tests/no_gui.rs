//! The core crate has no GUI in its dependency tree, so its tests build without iced and the
//! layering (nothing here may use the window) is a compile error, not a convention.

use std::process::Command;

#[test]
fn the_core_depends_on_no_gui_crate() {
    let output = Command::new(env!("CARGO"))
        .args([
            "tree",
            "--package",
            "htq-core",
            "--edges",
            "normal,build",
            "--prefix",
            "none",
            "--locked",
            "--offline",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let tree = String::from_utf8_lossy(&output.stdout);
    assert!(
        tree.lines().any(|line| line.starts_with("htq-core ")),
        "{tree}"
    );
    let gui: Vec<&str> = tree
        .lines()
        .filter(|line| {
            let name = line.split_whitespace().next().unwrap_or("");
            [
                "iced",
                "winit",
                "wgpu",
                "rfd",
                "tiny-skia",
                "softbuffer",
                "cosmic-text",
            ]
            .iter()
            .any(|gui| name == *gui || name.starts_with(&format!("{gui}_")))
        })
        .collect();
    assert!(gui.is_empty(), "GUI crates under htq-core: {gui:?}");
}
