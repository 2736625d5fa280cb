//! Who is working on a file: this process's id, the user and machine names, and whether a
//! process on this machine that wrote a recovery file or a lock note is still running.

/// The id of this process.
pub(super) fn this_process() -> u32 {
    std::process::id()
}

/// The login name of the person running HTQ Studio, or "someone" when the system does not say.
pub(super) fn user_name() -> String {
    ["USER", "USERNAME", "LOGNAME"]
        .iter()
        .filter_map(|name| std::env::var(name).ok())
        .find(|value| !value.trim().is_empty())
        .unwrap_or_else(|| "someone".to_owned())
}

/// The name of this machine as the network knows it.
pub(super) fn host_name() -> String {
    gethostname::gethostname().to_string_lossy().into_owned()
}

/// Whether the process `pid` on this machine is still running HTQ Studio.
///
/// A process that is gone, or whose id has since been reused by another program, is not.
/// Where the system cannot tell, the process counts as gone, so work is offered rather than
/// hidden.
pub(super) fn is_running(pid: u32) -> bool {
    exists(pid) && runs_htq_studio(pid)
}

#[cfg(unix)]
fn exists(pid: u32) -> bool {
    // Process id 0 and negative ids address process groups, not one process.
    let Ok(pid) = libc::pid_t::try_from(pid) else {
        return false;
    };
    if pid <= 0 {
        return false;
    }
    // SAFETY: signal 0 sends nothing; `kill` only checks that the process exists and may be
    // signalled. It reads no memory of ours.
    let answer = unsafe { libc::kill(pid, 0) };
    answer == 0 || std::io::Error::last_os_error().raw_os_error() == Some(libc::EPERM)
}

#[cfg(not(unix))]
fn exists(_pid: u32) -> bool {
    false
}

/// On Linux, the program name of a process: a reused id belongs to some other program.
/// Test binaries are named `htq_studio-…`, the application `htq-studio`.
#[cfg(target_os = "linux")]
fn runs_htq_studio(pid: u32) -> bool {
    match std::fs::read_to_string(format!("/proc/{pid}/comm")) {
        Ok(name) => name.starts_with("htq"),
        Err(_) => true,
    }
}

#[cfg(not(target_os = "linux"))]
fn runs_htq_studio(_pid: u32) -> bool {
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn this_process_is_running() {
        assert!(is_running(this_process()));
    }

    #[test]
    fn process_groups_and_absurd_ids_are_not_processes() {
        assert!(!is_running(0));
        assert!(!is_running(u32::MAX));
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn another_program_with_a_reused_id_is_not_htq_studio() {
        // Process 1 is the system's init (or the container's first program), never us.
        assert!(!is_running(1) || std::fs::read_to_string("/proc/1/comm").is_err());
    }

    #[test]
    fn names_are_never_empty() {
        assert!(!user_name().is_empty());
        assert!(!host_name().is_empty() || cfg!(not(unix)));
    }
}
