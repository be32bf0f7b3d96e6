package com.scfledger.platform.financing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The four-eyes threshold is not a setting: it is each bank's approval policy on the ledger.
 *
 * @param defaultPreviewRateBps the rate of the underwriting view's pricing preview when none is asked for
 */
@ConfigurationProperties("scf.financing")
record FinancingProperties(@DefaultValue("500") int defaultPreviewRateBps) {
}
