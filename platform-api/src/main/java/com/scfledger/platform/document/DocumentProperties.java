package com.scfledger.platform.document;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param maxBytes the largest document accepted (SCF_DOCUMENT_MAX_BYTES, default 10 MiB); the servlet's
 *                 multipart limit is set above it so that an oversized file still gets this API's problem
 */
@ConfigurationProperties("scf.documents")
record DocumentProperties(@DefaultValue("10485760") long maxBytes) {
}
