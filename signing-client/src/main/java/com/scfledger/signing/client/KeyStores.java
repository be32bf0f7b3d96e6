package com.scfledger.signing.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Provider;
import java.security.Security;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Where a {@link LedgerKey} lives. A key store entry needs a certificate, so a new key is stored with a self-signed
 * placeholder until the CA's certificate replaces it; neither ever holds the private key outside the store.
 */
public final class KeyStores {

    private KeyStores() {
    }

    /**
     * A PKCS#11 token through Java's SunPKCS11 provider. Keys generated here are token objects, sensitive and not
     * extractable: the token signs, nothing reads the key.
     */
    public static LedgerKey pkcs11(Path library, int slotListIndex, char[] pin, String alias, boolean create) {
        String config = "--name = scf\n"
                + "library = " + library + "\n"
                + "slotListIndex = " + slotListIndex + "\n"
                + "attributes(generate, CKO_PRIVATE_KEY, *) = {\n  CKA_TOKEN = true\n  CKA_PRIVATE = true\n"
                + "  CKA_SENSITIVE = true\n  CKA_EXTRACTABLE = false\n}\n"
                + "attributes(generate, CKO_PUBLIC_KEY, *) = {\n  CKA_TOKEN = true\n}\n";
        Provider provider = Security.getProvider("SunPKCS11").configure(config);
        try {
            KeyStore store = KeyStore.getInstance("PKCS11", provider);
            store.load(null, pin);
            return open(store, provider, alias, pin, create, null);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot open the PKCS#11 token (" + library + ", slot index "
                    + slotListIndex + "): " + e.getMessage(), e);
        }
    }

    /**
     * A key already read into memory (from a PEM file, say, as Fabric's tools write them): it signs in process, as a
     * PKCS#12 file's key does.
     */
    public static LedgerKey inMemory(PrivateKey privateKey, PublicKey publicKey) {
        return new LedgerKey(privateKey, publicKey, null);
    }

    /** A PKCS#12 file; created with a new key when {@code create} and the file or alias is missing. */
    public static LedgerKey pkcs12(Path file, char[] password, String alias, boolean create) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            if (Files.exists(file)) {
                try (InputStream in = Files.newInputStream(file)) {
                    store.load(in, password);
                }
            } else {
                store.load(null, password);
            }
            return open(store, null, alias, password, create, file);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot open " + file + ": " + e.getMessage(), e);
        }
    }

    private static LedgerKey open(KeyStore store, Provider provider, String alias, char[] password, boolean create,
                                  Path file) throws GeneralSecurityException, IOException {
        if (!store.containsAlias(alias)) {
            if (!create) {
                throw new IllegalStateException("no key named " + alias + "; run keygen first");
            }
            KeyPairGenerator generator = provider == null ? KeyPairGenerator.getInstance("EC")
                    : KeyPairGenerator.getInstance("EC", provider);
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair pair = generator.generateKeyPair();
            store.setKeyEntry(alias, pair.getPrivate(), password,
                    new Certificate[] {placeholder(pair, provider, alias)});
            save(store, password, file);
        }
        PrivateKey key = (PrivateKey) store.getKey(alias, password);
        Certificate certificate = store.getCertificate(alias);
        return new LedgerKey(key, certificate.getPublicKey(), provider);
    }

    private static void save(KeyStore store, char[] password, Path file) throws GeneralSecurityException, IOException {
        if (file == null) {
            return;
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, password);
        }
    }

    private static X509Certificate placeholder(KeyPair pair, Provider provider, String alias)
            throws GeneralSecurityException {
        try {
            X500Name name = new X500Name("CN=" + alias + " (not yet enrolled)");
            Instant now = Instant.now();
            JcaContentSignerBuilder signer = new JcaContentSignerBuilder("SHA256withECDSA");
            if (provider != null) {
                signer.setProvider(provider);
            }
            return new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(name,
                    BigInteger.valueOf(now.toEpochMilli()), Date.from(now), Date.from(now.plus(3650, ChronoUnit.DAYS)),
                    name, pair.getPublic()).build(signer.build(pair.getPrivate())));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
    }
}
