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

/// On Linux, the program name and state of a process: a reused id belongs to some other
/// program, and a process that has exited but not yet been reaped by its parent (a zombie,
/// state `Z`, or `X` while it is being removed) runs nothing. Test binaries are named
/// `htq_core-…` and `htq_studio-…`, the drill `htq-drill`, the application `htq-studio`.
#[cfg(target_os = "linux")]
fn runs_htq_studio(pid: u32) -> bool {
    let Ok(stat) = std::fs::read_to_string(format!("/proc/{pid}/stat")) else {
        return true;
    };
    // `pid (comm) state ...`: the name may hold spaces and parentheses, so split at the last
    // closing parenthesis.
    let Some((head, rest)) = stat.rsplit_once(')') else {
        return true;
    };
    let name = head.split_once('(').map_or("", |(_, name)| name);
    let state = rest.trim_start().chars().next();
    name.starts_with("htq") && !matches!(state, Some('Z' | 'X'))
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

    #[cfg(target_os = "linux")]
    #[test]
    fn an_exited_htq_studio_not_yet_reaped_is_not_running() -> std::io::Result<()> {
        // A program named like HTQ Studio that exits at once and stays unreaped: a zombie,
        // as a killed window is until whoever started it collects it.
        let folder = tempfile::tempdir()?;
        let program = folder.path().join("htq-studio");
        std::fs::copy("/bin/true", &program)?;
        let mut child = std::process::Command::new(&program).spawn()?;
        let pid = child.id();
        let exited = (0..400).any(|_| {
            std::thread::sleep(std::time::Duration::from_millis(5));
            std::fs::read_to_string(format!("/proc/{pid}/stat")).is_ok_and(|stat| {
                stat.rsplit_once(')')
                    .is_some_and(|(_, rest)| rest.trim_start().starts_with('Z'))
            })
        });
        assert!(exited, "the child should have exited");
        assert!(exists(pid), "a zombie still answers signal 0");
        assert!(!is_running(pid), "but it runs nothing");
        child.wait()?;
        Ok(())
    }

    #[test]
    fn names_are_never_empty() {
        assert!(!user_name().is_empty());
        assert!(!host_name().is_empty() || cfg!(not(unix)));
    }
}
