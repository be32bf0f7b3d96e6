package com.scfledger.platform.readmodel;

import java.util.concurrent.Future;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The threads the projector's long-running parts run on (follower, applier, block follower): a pool
 * of its own, so they never take a thread from the application's executor, shut down with the
 * context. It is deliberately not an {@code Executor} bean: one would replace Spring Boot's
 * application executor.
 */
final class ProjectorThreads implements DisposableBean {

    private final ThreadPoolTaskExecutor pool = new ThreadPoolTaskExecutor();

    ProjectorThreads() {
        pool.setThreadNamePrefix("scf-projector-");
        pool.setCorePoolSize(3);
        // room for a restart while a stopped part is still winding down
        pool.setMaxPoolSize(6);
        pool.setQueueCapacity(0);
        pool.setDaemon(true);
        pool.setAwaitTerminationSeconds(10);
        pool.initialize();
    }

    Future<?> run(Runnable part) {
        return pool.submit(part);
    }

    @Override
    public void destroy() {
        pool.shutdown();
    }
}
