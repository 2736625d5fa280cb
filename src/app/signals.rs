//! SIGTERM and SIGINT (a logout, `kill`, Ctrl+C in the terminal) close the window cleanly: the
//! signal becomes a message, the app keeps unsaved work in the recovery file and removes its
//! lock note, then exits. Without this the process would die mid-flight and leave a stale lock
//! note behind.

use super::Message;
use iced::Subscription;
use iced::futures::{SinkExt, StreamExt};

/// A subscription that sends [`Message::Terminate`] for every SIGTERM or SIGINT.
pub fn termination() -> Subscription<Message> {
    Subscription::run(signals)
}

#[cfg(unix)]
fn signals() -> impl iced::futures::Stream<Item = Message> {
    iced::stream::channel(4, async |mut output| {
        use signal_hook::consts::{SIGINT, SIGTERM};
        let (sender, mut received) = iced::futures::channel::mpsc::unbounded();
        match signal_hook::iterator::Signals::new([SIGTERM, SIGINT]) {
            Ok(mut signals) => {
                std::thread::spawn(move || {
                    for _ in signals.forever() {
                        if sender.unbounded_send(()).is_err() {
                            break;
                        }
                    }
                });
            }
            // Without handlers the signals keep their default effect: the process ends and
            // the recovery file from the last autosave is offered at the next start.
            Err(_) => return,
        }
        while received.next().await.is_some() {
            if output.send(Message::Terminate).await.is_err() {
                break;
            }
        }
    })
}

#[cfg(not(unix))]
fn signals() -> impl iced::futures::Stream<Item = Message> {
    iced::futures::stream::empty()
}
