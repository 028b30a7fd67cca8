package io.groupdeal.application;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One scheduled job's runs, never two at once on an instance: a run that finds the previous one still going is
 * skipped. A run that fails is logged and the next one goes on: an EJB timer whose method throws twice in a row loses
 * its schedule for good, and the database or the gateway may be away for a moment.
 */
public final class JobRun {

    private final AtomicBoolean running = new AtomicBoolean();
    private final Logger log;
    private final String name;

    public JobRun(Class<?> job, String name) {
        this.log = Logger.getLogger(job.getName());
        this.name = name;
    }

    public void run(Runnable work) {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        try {
            work.run();
        } catch (RuntimeException e) {
            log.log(Level.WARNING, name + " stopped for this run; the next run goes on", e);
        } finally {
            running.set(false);
        }
    }
}
