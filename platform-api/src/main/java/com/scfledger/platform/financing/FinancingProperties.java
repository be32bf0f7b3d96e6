package com.scfledger.platform.financing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param fourEyesThresholdMinor approvals of a face amount above this (minor units) need two different bank users
 *                               (SCF_FOUR_EYES_THRESHOLD_MINOR; default 100 000 000 = 1 000 000.00)
 * @param defaultPreviewRateBps  the rate of the underwriting view's pricing preview when none is asked for
 */
@ConfigurationProperties("scf.financing")
record FinancingProperties(@DefaultValue("100000000") long fourEyesThresholdMinor,
                           @DefaultValue("500") int defaultPreviewRateBps) {
}
