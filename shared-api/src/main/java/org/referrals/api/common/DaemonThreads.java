package org.referrals.api.common;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** Background work that must never keep the JVM alive on shutdown: one named daemon thread. */
public final class DaemonThreads {

    private DaemonThreads() {
    }

    /** A single daemon thread named {@code name} that runs submitted and scheduled work in turn. */
    public static ScheduledExecutorService single(String name) {
        return Executors.newSingleThreadScheduledExecutor(runnable -> daemon(name, runnable));
    }

    /** Starts {@code work} on a daemon thread of its own. */
    public static Thread start(String name, Runnable work) {
        Thread thread = daemon(name, work);
        thread.start();
        return thread;
    }

    private static Thread daemon(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        return thread;
    }
}
