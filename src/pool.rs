//! Threads in one place: the few shapes of parallel work the commands use.
//!
//! - [`map`]: a function over a slice on a few threads, the results in input order;
//! - [`join`]: two things at once;
//! - [`ordered`] and [`ordered_parts`]: a stream of jobs drawn on a thread of their own,
//!   worked on several, the results taken here in input order, with at most a fixed number of
//!   jobs between drawn and taken — so memory holds a window of the stream, not the stream;
//! - `pipe`: a producer on a thread of its own, its items taken here as they come;
//! - [`Feed`]: a thread of its own that takes what is sent to it;
//! - [`Turns`]: a state that threads change in input order.
//!
//! A panic in a worker is contained ([`crate::crash::contain`]): it reaches the caller as a
//! [`Panicked`] error in the place of the result, and the other workers go on. Nothing here
//! aborts the process or waits forever for a worker that died.

use crate::crash;
use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver, SyncSender};
use std::sync::{Condvar, Mutex, MutexGuard};
use std::thread::JoinHandle;

/// The number of threads to work with by default: the machine's cores.
pub(crate) fn default_threads() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// A worker that panicked, with the panic's message.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("a worker thread failed: {0}")]
pub(crate) struct Panicked(pub String);

fn contained<T>(f: impl FnOnce() -> T) -> Result<T, Panicked> {
    crash::contain(f).map_err(Panicked)
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// `f` over every item on up to `threads` threads (here, with one thread or one item), the
/// results in the order of `items`. An item whose `f` panics gives `Err` in its place.
pub(crate) fn map<T: Sync, R: Send>(
    items: &[T],
    threads: usize,
    f: impl Fn(&T) -> R + Sync,
) -> Vec<Result<R, Panicked>> {
    let threads = threads.max(1).min(items.len());
    if threads <= 1 {
        return items.iter().map(|t| contained(|| f(t))).collect();
    }
    let next = AtomicUsize::new(0);
    let done: Vec<Vec<(usize, Result<R, Panicked>)>> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(t) = items.get(i) else { break };
                        done.push((i, contained(|| f(t))));
                    }
                    done
                })
            })
            .collect();
        // A worker's panics are contained item by item: it always returns.
        workers
            .into_iter()
            .map(|w| w.join().unwrap_or_default())
            .collect()
    });
    let mut slots: Vec<Option<Result<R, Panicked>>> = items.iter().map(|_| None).collect();
    for (i, r) in done.into_iter().flatten() {
        slots[i] = Some(r);
    }
    slots
        .into_iter()
        .map(|r| r.unwrap_or_else(|| Err(Panicked("a result is missing".into()))))
        .collect()
}

/// Runs `a` on a thread of its own and `b` on this one, and returns both results.
pub(crate) fn join<A: Send, B>(
    a: impl FnOnce() -> A + Send,
    b: impl FnOnce() -> B,
) -> (Result<A, Panicked>, Result<B, Panicked>) {
    std::thread::scope(|scope| {
        let a = scope.spawn(|| contained(a));
        let b = contained(b);
        let a = a
            .join()
            .unwrap_or_else(|_| Err(Panicked("the thread stopped".into())));
        (a, b)
    })
}

/// Runs `produce` on a thread of its own and hands what it gives (through its argument) to
/// `consume` here as it comes; at most `capacity` items wait between the two. Returns what
/// `produce` returned, or `Err` when it panicked (the items it gave before are consumed).
#[cfg(test)]
pub(crate) fn pipe<T: Send, P: Send>(
    capacity: usize,
    produce: impl FnOnce(&mut dyn FnMut(T)) -> P + Send,
    mut consume: impl FnMut(T),
) -> Result<P, Panicked> {
    let (tx, rx) = mpsc::sync_channel::<T>(capacity);
    std::thread::scope(|scope| {
        let producer = scope.spawn(move || {
            contained(|| {
                produce(&mut |t| {
                    let _ = tx.send(t);
                })
            })
        });
        for t in rx {
            consume(t);
        }
        producer
            .join()
            .unwrap_or_else(|_| Err(Panicked("the thread stopped".into())))
    })
}

/// How far the taker has come: the jobs whose every result it has taken, and whether it has
/// stopped taking.
struct Progress {
    taken: Mutex<usize>,
    moved: Condvar,
    stopped: AtomicBool,
}

impl Progress {
    /// Waits until `n` jobs have been taken, or the taker has stopped.
    fn wait_for(&self, n: usize) {
        let mut taken = lock(&self.taken);
        while *taken < n && !self.stopped.load(Ordering::SeqCst) {
            taken = self.moved.wait(taken).unwrap_or_else(|e| e.into_inner());
        }
    }

    fn set(&self, n: usize) {
        *lock(&self.taken) = n;
        self.moved.notify_all();
    }

    fn stop(&self) {
        self.stopped.store(true, Ordering::SeqCst);
        let _guard = lock(&self.taken);
        self.moved.notify_all();
    }
}

/// Stops the drawing of jobs when dropped.
struct Stop<'a>(&'a Progress);

impl Drop for Stop<'_> {
    fn drop(&mut self) {
        self.0.stop();
    }
}

/// A result on its way: whether it is its job's last, and the result — `None` for a job that
/// ended without saying which part was its last.
type Part<R> = (bool, Option<Result<R, Panicked>>);

/// A result on its way, with its (job, part).
type Sent<R> = ((usize, usize), bool, Option<Result<R, Panicked>>);

/// A job being worked on with [`ordered_parts`]: hands over its results, in order.
pub(crate) struct Parts<'a, R> {
    job: usize,
    part: usize,
    ended: bool,
    to: Option<&'a SyncSender<Sent<R>>>,
    progress: Option<&'a Progress>,
    here: Option<&'a mut dyn FnMut(usize, R)>,
}

impl<R> std::fmt::Debug for Parts<'_, R> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Parts")
            .field("job", &self.job)
            .field("part", &self.part)
            .finish_non_exhaustive()
    }
}

impl<R> Parts<'_, R> {
    /// Hands over the job's next result; `last` for its last (nothing after it is taken).
    pub(crate) fn give(&mut self, r: R, last: bool) {
        if self.ended {
            return;
        }
        self.ended = last;
        if let Some(here) = self.here.as_mut() {
            here(self.job, r);
        } else if let Some(to) = self.to {
            // The taker may have stopped: then nothing more is taken.
            let _ = to.send(((self.job, self.part), last, Some(Ok(r))));
        }
        self.part += 1;
    }

    /// Waits until the results of every job before this one have been taken (or the taker
    /// has stopped): a job in many parts makes them one by one when it is the next to be
    /// taken, so one job's parts at a time are on their way.
    pub(crate) fn wait_turn(&self) {
        if let Some(p) = self.progress {
            p.wait_for(self.job);
        }
    }
}

/// The results of [`ordered`]'s jobs in the order of the jobs.
pub(crate) struct InOrder<'a, R> {
    rx: Receiver<Sent<R>>,
    waiting: BTreeMap<(usize, usize), Part<R>>,
    next: (usize, usize),
    progress: &'a Progress,
    /// The jobs taken in full once the caller asks for the next result: the job it holds
    /// counts as not yet taken until then.
    release: Option<usize>,
    ended: bool,
}

impl<R> std::fmt::Debug for InOrder<'_, R> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("InOrder")
            .field("next", &self.next)
            .finish_non_exhaustive()
    }
}

impl<R> InOrder<'_, R> {
    /// The next result and the index of its job.
    fn next_of_job(&mut self) -> Option<(usize, Result<R, Panicked>)> {
        if let Some(n) = self.release.take() {
            self.progress.set(n);
        }
        while !self.ended {
            if let Some((last, r)) = self.waiting.remove(&self.next) {
                let job = self.next.0;
                if last {
                    self.next = (job + 1, 0);
                } else {
                    self.next.1 += 1;
                }
                match r {
                    Some(r) => {
                        if last {
                            self.release = Some(job + 1);
                        }
                        return Some((job, r));
                    }
                    None => {
                        self.progress.set(job + 1);
                        continue;
                    }
                }
            }
            match self.rx.recv() {
                Ok((key, last, r)) => {
                    self.waiting.insert(key, (last, r));
                }
                Err(_) => {
                    // Every worker has ended: what waits cannot come in order.
                    self.ended = true;
                    if !self.waiting.is_empty() {
                        return Some((self.next.0, Err(Panicked("a result is missing".into()))));
                    }
                }
            }
        }
        None
    }
}

impl<R> Iterator for InOrder<'_, R> {
    type Item = Result<R, Panicked>;

    fn next(&mut self) -> Option<Self::Item> {
        self.next_of_job().map(|(_, r)| r)
    }
}

/// `work` over `jobs`, on `threads` threads (at least one), the results taken by `take` in
/// the order of the jobs: the jobs are drawn on a thread of their own, and at most `ahead`
/// (at least one) are drawn and not yet taken — the result the caller holds counts until it
/// asks for the next. A job whose `work` panics gives `Err` in its
/// place; a panic while drawing a job gives `Err` and ends the jobs. When `take` returns,
/// no more jobs are drawn, and the jobs being worked on are finished.
pub(crate) fn ordered<J: Send, R: Send, X>(
    jobs: impl Iterator<Item = J> + Send,
    threads: usize,
    ahead: usize,
    work: impl Fn(J) -> R + Sync,
    take: impl FnOnce(&mut InOrder<'_, R>) -> X,
) -> X {
    in_threads(
        jobs,
        threads,
        ahead,
        &|_, j, parts: &mut Parts<'_, R>| parts.give(work(j), true),
        take,
    )
}

/// [`ordered`] for jobs that each give any number of results ([`Parts::give`]), handed to
/// `sink` with the job's index in the order of the jobs and of their parts; a `sink` error
/// stops the run and is returned. On one thread, the jobs are done here, one after the other,
/// each result handed to `sink` as it is given. Every job that starts is finished, even after
/// `sink` fails, and jobs start in order: a job may wait for the jobs before it.
///
/// A job's panic is handed to `sink` as `Err` in the place of its remaining results.
pub(crate) fn ordered_parts<J: Send, R: Send, E>(
    jobs: impl Iterator<Item = J> + Send,
    threads: usize,
    ahead: usize,
    work: impl Fn(usize, J, &mut Parts<'_, R>) + Sync,
    mut sink: impl FnMut(usize, Result<R, Panicked>) -> Result<(), E>,
) -> Result<(), E> {
    if threads <= 1 {
        for (i, j) in jobs.enumerate() {
            let mut outcome = Ok(());
            let mut here = |i, r| {
                if outcome.is_ok() {
                    outcome = sink(i, Ok(r));
                }
            };
            let mut parts = Parts {
                job: i,
                part: 0,
                ended: false,
                to: None,
                progress: None,
                here: Some(&mut here),
            };
            let done = contained(|| work(i, j, &mut parts));
            if let Err(p) = done
                && outcome.is_ok()
            {
                outcome = sink(i, Err(p));
            }
            outcome?;
        }
        return Ok(());
    }
    in_threads(jobs, threads, ahead, &work, |results| {
        while let Some((job, r)) = results.next_of_job() {
            sink(job, r)?;
        }
        Ok(())
    })
}

fn in_threads<J: Send, R: Send, X>(
    jobs: impl Iterator<Item = J> + Send,
    threads: usize,
    ahead: usize,
    work: &(dyn Fn(usize, J, &mut Parts<'_, R>) + Sync),
    take: impl FnOnce(&mut InOrder<'_, R>) -> X,
) -> X {
    // No more workers than jobs, when it is known how many there are.
    let threads = threads.clamp(1, jobs.size_hint().1.unwrap_or(usize::MAX).max(1));
    let ahead = ahead.max(1);
    let progress = Progress {
        taken: Mutex::new(0),
        moved: Condvar::new(),
        stopped: AtomicBool::new(false),
    };
    let (job_tx, job_rx) = mpsc::sync_channel::<(usize, J)>(ahead);
    let job_rx = Mutex::new(job_rx);
    let (done_tx, done_rx) = mpsc::sync_channel::<Sent<R>>(ahead);
    std::thread::scope(|scope| {
        let progress = &progress;
        let drawing_done = done_tx.clone();
        scope.spawn(move || {
            let mut jobs = jobs;
            for k in 0usize.. {
                progress.wait_for((k + 1).saturating_sub(ahead));
                if progress.stopped.load(Ordering::SeqCst) {
                    break;
                }
                match contained(|| jobs.next()) {
                    Ok(Some(j)) => {
                        if job_tx.send((k, j)).is_err() {
                            break;
                        }
                    }
                    Ok(None) => break,
                    Err(p) => {
                        let _ = drawing_done.send(((k, 0), true, Some(Err(p))));
                        break;
                    }
                }
            }
        });
        for _ in 0..threads {
            let (done_tx, job_rx) = (done_tx.clone(), &job_rx);
            scope.spawn(move || {
                loop {
                    if progress.stopped.load(Ordering::SeqCst) {
                        break;
                    }
                    let Ok((k, j)) = lock(job_rx).recv() else {
                        break;
                    };
                    let mut parts = Parts {
                        job: k,
                        part: 0,
                        ended: false,
                        to: Some(&done_tx),
                        progress: Some(progress),
                        here: None,
                    };
                    let done = contained(|| work(k, j, &mut parts));
                    if !parts.ended {
                        let r = done.err().map(Err);
                        let _ = done_tx.send(((k, parts.part), true, r));
                    }
                }
            });
        }
        drop(done_tx);
        let mut results = InOrder {
            rx: done_rx,
            waiting: BTreeMap::new(),
            next: (0, 0),
            progress,
            release: None,
            ended: false,
        };
        // However `take` ends, even by a panic, the workers are told to stop and the results
        // channel closes, so that no worker waits for a turn or on a full channel.
        let _stop = Stop(progress);
        take(&mut results)
    })
}

/// A thread of its own that takes what is sent to it, in the order sent, at most `capacity`
/// items waiting; [`Feed::finish`] returns what it made of them.
pub(crate) struct Feed<T: Send + 'static, R: Send + 'static> {
    tx: Option<SyncSender<T>>,
    thread: Option<JoinHandle<Result<R, Panicked>>>,
}

impl<T: Send + 'static, R: Send + 'static> std::fmt::Debug for Feed<T, R> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Feed")
            .field("open", &self.tx.is_some())
            .finish_non_exhaustive()
    }
}

impl<T: Send + 'static, R: Send + 'static> Feed<T, R> {
    /// Starts the thread (named `name`), which runs `take` over what is sent until
    /// [`Feed::finish`].
    pub(crate) fn spawn(
        name: &str,
        capacity: usize,
        take: impl FnOnce(mpsc::IntoIter<T>) -> R + Send + 'static,
    ) -> std::io::Result<Feed<T, R>> {
        let (tx, rx) = mpsc::sync_channel::<T>(capacity);
        let thread = std::thread::Builder::new()
            .name(name.into())
            .spawn(move || contained(|| take(rx.into_iter())))?;
        Ok(Feed {
            tx: Some(tx),
            thread: Some(thread),
        })
    }

    /// Sends an item; gives it back when the thread no longer takes any (it has returned).
    pub(crate) fn send(&mut self, t: T) -> Result<(), T> {
        match &self.tx {
            Some(tx) => tx.send(t).map_err(|e| e.0),
            None => Err(t),
        }
    }

    /// Ends what is sent and returns what the thread made of it.
    pub(crate) fn finish(mut self) -> Result<R, Panicked> {
        self.stop()
    }

    fn stop(&mut self) -> Result<R, Panicked> {
        self.tx = None;
        match self.thread.take().map(JoinHandle::join) {
            Some(Ok(r)) => r,
            Some(Err(_)) => Err(Panicked("the thread stopped".into())),
            None => Err(Panicked("already finished".into())),
        }
    }
}

impl<T: Send + 'static, R: Send + 'static> Drop for Feed<T, R> {
    fn drop(&mut self) {
        if self.thread.is_some() {
            let _ = self.stop();
        }
    }
}

/// A state that threads change in input order: job `i` has its turn once every job before it
/// has had its own.
#[derive(Debug, Default)]
pub(crate) struct Turns<S> {
    state: Mutex<(usize, S)>,
    turn: Condvar,
}

impl<S> Turns<S> {
    /// Waits for job `i`'s turn, then changes the state with `f`. Every index from 0 must take
    /// its turn, on any thread: once, or once for each of its parts in order, `last` set for
    /// the last — the turn passes on after it.
    pub(crate) fn take<T>(&self, i: usize, last: bool, f: impl FnOnce(&mut S) -> T) -> T {
        let mut st = lock(&self.state);
        while st.0 < i {
            st = self.turn.wait(st).unwrap_or_else(|e| e.into_inner());
        }
        let t = f(&mut st.1);
        if last {
            st.0 = st.0.max(i + 1);
        }
        drop(st);
        self.turn.notify_all();
        t
    }

    /// The index of the next job to take its turn.
    pub(crate) fn next(&self) -> usize {
        lock(&self.state).0
    }

    /// Reads the state.
    pub(crate) fn read<T>(&self, f: impl FnOnce(&S) -> T) -> T {
        f(&lock(&self.state).1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    /// Work that takes longer for the earlier items, so that later ones finish first.
    fn slow_first(i: usize, of: usize) -> usize {
        std::thread::sleep(Duration::from_millis(((of - i) * 2) as u64));
        i * 10
    }

    #[test]
    fn map_gives_results_in_input_order_whatever_the_threads() {
        let items: Vec<usize> = (0..12).collect();
        for threads in [0, 1, 2, 3, 12, 40] {
            let got: Vec<_> = map(&items, threads, |i| slow_first(*i, 12));
            let want: Vec<_> = (0..12).map(|i| Ok(i * 10)).collect();
            assert_eq!(got, want, "{threads} threads");
        }
        assert!(map(&[] as &[u8], 4, |x| *x).is_empty());
    }

    #[test]
    fn a_panic_in_map_is_an_error_in_its_place() {
        let items: Vec<usize> = (0..6).collect();
        for threads in [1, 3] {
            let got = map(&items, threads, |i| {
                assert!(*i != 4, "item four");
                *i
            });
            assert_eq!(got[..4], [Ok(0), Ok(1), Ok(2), Ok(3)]);
            assert!(got[4].as_ref().unwrap_err().0.contains("item four"));
            assert_eq!(got[5], Ok(5));
        }
    }

    #[test]
    fn join_and_pipe_return_panics_as_errors() {
        let (a, b) = join(|| -> u8 { panic!("left") }, || 2);
        assert!(a.unwrap_err().0.contains("left"));
        assert_eq!(b, Ok(2));
        let mut got = Vec::new();
        let r: Result<(), _> = pipe(
            1,
            |give| {
                for i in 0..3 {
                    give(i);
                }
                panic!("after three");
            },
            |i| got.push(i),
        );
        assert!(r.unwrap_err().0.contains("after three"));
        assert_eq!(got, [0, 1, 2], "what was given before the panic is taken");
        let r = pipe(4, |_: &mut dyn FnMut(u8)| 7, |_| unreachable!());
        assert_eq!(r, Ok(7), "nothing given");
    }

    #[test]
    fn ordered_takes_results_in_the_order_of_the_jobs() {
        for threads in [0, 1, 2, 5, 30] {
            for ahead in [0, 1, 3, 100] {
                let got: Vec<_> = ordered(
                    0..20usize,
                    threads,
                    ahead,
                    |i| slow_first(i, 20),
                    |r| r.map(Result::unwrap).collect::<Vec<_>>(),
                );
                assert_eq!(got, (0..20).map(|i| i * 10).collect::<Vec<_>>());
            }
        }
        let none: Vec<u8> = ordered(
            std::iter::empty(),
            3,
            2,
            |x: u8| x,
            |r| r.map(Result::unwrap).collect(),
        );
        assert!(none.is_empty());
    }

    #[test]
    fn ordered_draws_at_most_ahead_jobs_before_they_are_taken() {
        let drawn = AtomicUsize::new(0);
        let jobs = (0..200usize).inspect(|_| {
            drawn.fetch_add(1, Ordering::SeqCst);
        });
        let most = ordered(
            jobs,
            4,
            5,
            |i| i,
            |r| {
                let mut taken = 0usize;
                let mut most = 0;
                for x in r {
                    assert_eq!(x, Ok(taken));
                    taken += 1;
                    std::thread::sleep(Duration::from_micros(200));
                    most = most.max(drawn.load(Ordering::SeqCst) - taken);
                }
                most
            },
        );
        // The result held counts in the window until the next is asked for.
        assert!(most < 5, "{most} jobs drawn ahead of the taker");
        assert_eq!(drawn.load(Ordering::SeqCst), 200);
    }

    #[test]
    fn a_panic_in_ordered_is_an_error_in_its_place_and_the_rest_come() {
        let got: Vec<_> = ordered(
            0..8usize,
            3,
            4,
            |i| {
                assert!(i != 2, "job two");
                i
            },
            |r| r.collect(),
        );
        assert_eq!(got.len(), 8);
        assert!(got[2].as_ref().unwrap_err().0.contains("job two"));
        assert_eq!(got[7], Ok(7));
        // A panic while drawing the jobs ends them.
        let jobs = (0..8usize).inspect(|i| assert!(*i != 5, "drawing five"));
        let got: Vec<_> = ordered(jobs, 2, 3, |i| i, |r| r.collect());
        assert_eq!(got[..5], [Ok(0), Ok(1), Ok(2), Ok(3), Ok(4)]);
        assert!(got[5].as_ref().unwrap_err().0.contains("drawing five"));
        assert_eq!(got.len(), 6);
    }

    #[test]
    fn a_taker_that_stops_early_stops_the_drawing() {
        // Endless jobs: the call returns only if the drawing stops.
        let first: Vec<_> = ordered(
            0usize..,
            2,
            4,
            |i| i,
            |r| r.take(3).map(Result::unwrap).collect(),
        );
        assert_eq!(first, [0, 1, 2]);
        // Also when the taker panics.
        let r = crash::contain(|| ordered(0usize.., 2, 4, |i| i, |_| panic!("taker")));
        assert!(r.unwrap_err().contains("taker"));
    }

    #[test]
    fn ordered_parts_hands_parts_in_order_and_stops_at_a_sink_error() {
        for threads in [1, 2, 4] {
            let mut got = Vec::new();
            let r: Result<(), ()> = ordered_parts(
                0..6usize,
                threads,
                4,
                |i, job, parts| {
                    let n = job % 3 + 1;
                    for k in 0..n {
                        if n > 1 {
                            parts.wait_turn();
                        }
                        std::thread::sleep(Duration::from_millis((6 - i) as u64));
                        parts.give((job, k), k + 1 == n);
                    }
                },
                |i, r| {
                    got.push((i, r.unwrap()));
                    Ok(())
                },
            );
            assert_eq!(r, Ok(()));
            let want: Vec<_> = (0..6usize)
                .flat_map(|j| (0..j % 3 + 1).map(move |k| (j, (j, k))))
                .collect();
            assert_eq!(got, want, "{threads} threads");

            // The sink's error stops the run; every job started is finished.
            let finished = AtomicUsize::new(0);
            let mut taken = 0;
            let r = ordered_parts(
                0..100usize,
                threads,
                4,
                |_, job, parts| {
                    parts.give(job, true);
                    finished.fetch_add(1, Ordering::SeqCst);
                },
                |i, _| {
                    taken += 1;
                    if i == 3 { Err("full") } else { Ok(()) }
                },
            );
            assert_eq!((r, taken), (Err("full"), 4));
            assert!(finished.load(Ordering::SeqCst) < 100);
        }
    }

    #[test]
    fn a_panic_in_ordered_parts_comes_after_the_parts_given() {
        for threads in [1, 3] {
            let mut got = Vec::new();
            let r: Result<(), ()> = ordered_parts(
                0..3usize,
                threads,
                2,
                |_, job, parts| {
                    parts.give(job * 10, false);
                    assert!(job != 1, "job one");
                    parts.give(job * 10 + 1, true);
                },
                |i, r| {
                    got.push((i, r.map_err(|p| p.0.contains("job one"))));
                    Ok(())
                },
            );
            assert_eq!(r, Ok(()));
            assert_eq!(
                got,
                [
                    (0, Ok(0)),
                    (0, Ok(1)),
                    (1, Ok(10)),
                    (1, Err(true)),
                    (2, Ok(20)),
                    (2, Ok(21))
                ],
                "{threads} threads"
            );
        }
    }

    #[test]
    fn a_feed_takes_what_is_sent_and_says_when_it_stopped() {
        let mut f = Feed::spawn("test", 1, |items| items.collect::<Vec<u32>>()).unwrap();
        for i in 0..5 {
            f.send(i).unwrap();
        }
        assert_eq!(f.finish(), Ok(vec![0, 1, 2, 3, 4]));
        // A thread that returns early gives back what is sent after.
        let mut f = Feed::spawn("test", 0, |mut items| items.next()).unwrap();
        f.send(1).unwrap();
        let mut refused = None;
        for i in 2..100 {
            if let Err(back) = f.send(i) {
                refused = Some(back);
                break;
            }
        }
        assert!(refused.is_some());
        assert_eq!(f.finish(), Ok(Some(1)));
        let f = Feed::spawn("test", 1, |_: mpsc::IntoIter<u8>| -> u8 { panic!("feed") }).unwrap();
        assert!(f.finish().unwrap_err().0.contains("feed"));
    }

    #[test]
    fn turns_change_the_state_in_input_order() {
        let turns: Turns<Vec<usize>> = Turns::default();
        std::thread::scope(|s| {
            for i in (0..6).rev() {
                let turns = &turns;
                s.spawn(move || {
                    turns.take(i, false, |v| v.push(i * 10));
                    turns.take(i, true, |v| v.push(i * 10 + 1));
                });
            }
        });
        assert_eq!(turns.next(), 6);
        assert_eq!(
            turns.read(Clone::clone),
            [0, 1, 10, 11, 20, 21, 30, 31, 40, 41, 50, 51]
        );
    }
}

#[cfg(test)]
mod examples {
    //! The examples of crate-private items, once in their documentation.

    /// `pool::map`
    #[test]
    fn map() {
        let squares = crate::pool::map(&[1, 2, 3], 2, |x| x * x);
        assert_eq!(squares, [Ok(1), Ok(4), Ok(9)]);
    }

    /// `pool::join`
    #[test]
    fn join() {
        let (a, b) = crate::pool::join(|| 1, || -> u8 { panic!("no") });
        assert_eq!(a, Ok(1));
        assert!(b.unwrap_err().0.contains("no"));
    }

    /// `pool::pipe`
    #[test]
    fn pipe() {
        let mut got = Vec::new();
        let r = crate::pool::pipe(
            2,
            |give| {
                for i in 0..5 {
                    give(i)
                }
                "done"
            },
            |i| got.push(i),
        );
        assert_eq!((r, got), (Ok("done"), vec![0, 1, 2, 3, 4]));
    }

    /// `pool::ordered`
    #[test]
    fn ordered() {
        let words = ["a", "bb", "ccc"];
        let lens: Vec<usize> = crate::pool::ordered(
            words.iter(),
            2,
            4,
            |w| w.len(),
            |r| r.map(Result::unwrap).collect(),
        );
        assert_eq!(lens, [1, 2, 3]);
    }

    /// `pool::Feed`
    #[test]
    fn feed() {
        let mut sum = crate::pool::Feed::spawn("sum", 4, |items| items.sum::<u32>()).unwrap();
        for i in 1..=4 {
            sum.send(i).unwrap();
        }
        assert_eq!(sum.finish(), Ok(10));
    }
}
