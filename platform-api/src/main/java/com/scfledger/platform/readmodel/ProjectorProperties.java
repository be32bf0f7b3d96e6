package com.scfledger.platform.readmodel;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param enabled         run the projector (SCF_PROJECTOR_ENABLED, default true)
 * @param name            the projector's checkpoint row
 * @param awaitTimeout    how long a write waits for its event to reach the read model before answering anyway
 * @param retryDelay      the first pause after the event stream fails; doubles up to {@code maxRetryDelay}
 * @param maxRetryDelay   the longest pause between reconnections
 * @param healthMaxLag    the projector is reported DOWN when an event has waited longer than this
 */
@ConfigurationProperties("scf.projector")
record ProjectorProperties(@DefaultValue("true") boolean enabled, @DefaultValue("main") String name,
                           @DefaultValue("PT5S") Duration awaitTimeout, @DefaultValue("PT1S") Duration retryDelay,
                           @DefaultValue("PT30S") Duration maxRetryDelay, @DefaultValue("PT60S") Duration healthMaxLag) {
}
