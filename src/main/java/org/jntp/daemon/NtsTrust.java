package org.jntp.daemon;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.net.ssl.CertPathTrustManagerParameters;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Which NTS-KE servers a client trusts: those whose certificate chains to the PEM certificates of
 * {@code ca FILE} (or {@code nts ca FILE}), else to the system's store, and names the host asked
 * for; with {@code noval}, any server. With {@code nts nocerttimecheck} the chain is checked as of
 * the day the server's certificate became valid, so a host whose clock is years off at boot can
 * still reach NTS time; everything else is checked as usual.
 */
final class NtsTrust {
    private NtsTrust() {}

    /**
     * A TLS 1.3 context that trusts as described.
     *
     * @throws IOException naming the CA file that cannot be read or holds no certificate
     */
    static SSLContext clientContext(Optional<Path> caFile, boolean validate, boolean checkCertTime)
            throws IOException {
        try {
            TrustManager trust = validate ? new Pkix(anchors(caFile), checkCertTime) : new AnyServer();
            SSLContext context = SSLContext.getInstance("TLSv1.3");
            context.init(null, new TrustManager[] {trust}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot set up NTS certificate checks: " + e.getMessage(), e);
        }
    }

    private static Set<TrustAnchor> anchors(Optional<Path> caFile) throws IOException, GeneralSecurityException {
        Collection<? extends Certificate> certificates;
        if (caFile.isPresent()) {
            byte[] pem;
            try {
                pem = Files.readAllBytes(caFile.get());
            } catch (IOException e) {
                throw new IOException("ca " + caFile.get() + " cannot be read: " + e, e);
            }
            certificates = CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(pem));
            if (certificates.isEmpty()) {
                throw new IOException("ca " + caFile.get() + " holds no PEM certificate");
            }
        } else {
            TrustManagerFactory system = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            system.init((KeyStore) null);
            certificates = Arrays.stream(system.getTrustManagers()).filter(X509TrustManager.class::isInstance)
                    .flatMap(manager -> Arrays.stream(((X509TrustManager) manager).getAcceptedIssuers())).toList();
        }
        return certificates.stream().map(certificate -> new TrustAnchor((X509Certificate) certificate, null))
                .collect(Collectors.toSet());
    }

    /** The JDK's PKIX checks against these anchors, as of the given date or now. */
    private static X509ExtendedTrustManager pkix(Set<TrustAnchor> anchors, Optional<Date> asOf)
            throws GeneralSecurityException {
        PKIXBuilderParameters parameters = new PKIXBuilderParameters(anchors, null);
        // NTS clients check no revocation lists, as chrony and NTPsec: they would need time and network first
        parameters.setRevocationEnabled(false);
        asOf.ifPresent(parameters::setDate);
        TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
        factory.init(new CertPathTrustManagerParameters(parameters));
        return (X509ExtendedTrustManager) Arrays.stream(factory.getTrustManagers())
                .filter(X509ExtendedTrustManager.class::isInstance).findFirst().orElseThrow();
    }

    /**
     * PKIX checks now, and the dates of every certificate sent, also one that is itself the trust
     * anchor (a self-signed server certificate given as {@code ca}), whose dates PKIX leaves alone;
     * or, without the time check, PKIX checks as of the moment the server's certificate became valid.
     */
    private static final class Pkix extends ServerOnly {
        private final Set<TrustAnchor> anchors;
        private final boolean checkCertTime;

        Pkix(Set<TrustAnchor> anchors, boolean checkCertTime) {
            this.anchors = anchors;
            this.checkCertTime = checkCertTime;
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            delegate(chain).checkServerTrusted(chain, authType, socket);
            checkDates(chain);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            delegate(chain).checkServerTrusted(chain, authType, engine);
            checkDates(chain);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            delegate(chain).checkServerTrusted(chain, authType);
            checkDates(chain);
        }

        private void checkDates(X509Certificate[] chain) throws CertificateException {
            if (checkCertTime) {
                for (X509Certificate certificate : chain) {
                    certificate.checkValidity();
                }
            }
        }

        private X509ExtendedTrustManager delegate(X509Certificate[] chain) throws CertificateException {
            if (chain.length == 0) {
                throw new CertificateException("the server sent no certificate");
            }
            try {
                return pkix(anchors, checkCertTime ? Optional.empty() : Optional.of(chain[0].getNotBefore()));
            } catch (GeneralSecurityException e) {
                throw new CertificateException(e);
            }
        }
    }

    /** {@code noval}: every server certificate is accepted. */
    private static final class AnyServer extends ServerOnly {
        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
            // noval: the operator chose not to validate
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            // noval: the operator chose not to validate
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            // noval: the operator chose not to validate
        }
    }

    /** A client's trust manager: it never judges clients. */
    private abstract static class ServerOnly extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            throw new CertificateException("an NTS-KE client checks no client certificates");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            throw new CertificateException("an NTS-KE client checks no client certificates");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("an NTS-KE client checks no client certificates");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
