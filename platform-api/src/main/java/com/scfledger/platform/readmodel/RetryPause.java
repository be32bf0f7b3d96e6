package com.scfledger.platform.readmodel;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The projector's pauses between attempts: a growing delay, and a wait that ends early when the
 * projector stops or the operator's ledger identity changes (the next attempt may succeed now).
 */
final class RetryPause {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition woken = lock.newCondition();
    private final Duration first;
    private final Duration longest;
    private long wakeUps;

    RetryPause(Duration first, Duration longest) {
        this.first = first;
        this.longest = longest;
    }

    Duration first() {
        return first;
    }

    /** The delay after {@code delay}: twice as long, at most the longest. */
    Duration after(Duration delay) {
        Duration doubled = delay.multipliedBy(2);
        return doubled.compareTo(longest) > 0 ? longest : doubled;
    }

    /** Waits for {@code duration}, or until {@link #wakeUp()}; returns at once when interrupted (keeping the flag). */
    void pause(Duration duration) {
        lock.lock();
        try {
            long seen = wakeUps;
            long left = Math.max(1, duration.toNanos());
            while (seen == wakeUps && left > 0) {
                left = woken.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }

    /** Ends every pause in progress. */
    void wakeUp() {
        lock.lock();
        try {
            wakeUps++;
            woken.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
