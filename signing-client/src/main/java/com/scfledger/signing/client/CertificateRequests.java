package com.scfledger.signing.client;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;

/** PKCS#10 requests signed inside the key's own store; the common name is the enrollment id asked for. */
public final class CertificateRequests {

    private CertificateRequests() {
    }

    public static String pem(String enrollmentId, LedgerKey key) {
        try {
            JcaContentSignerBuilder signer = new JcaContentSignerBuilder("SHA256withECDSA");
            if (key.provider() != null) {
                signer.setProvider(key.provider());
            }
            byte[] der = new JcaPKCS10CertificationRequestBuilder(new X500NameBuilder(BCStyle.INSTANCE)
                    .addRDN(BCStyle.CN, enrollmentId).build(), key.publicKey())
                    .build(signer.build(key.privateKey())).getEncoded();
            StringWriter out = new StringWriter();
            try (PemWriter writer = new PemWriter(out)) {
                writer.writeObject(new PemObject("CERTIFICATE REQUEST", der));
            }
            return out.toString();
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("the key could not sign its certificate request", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
