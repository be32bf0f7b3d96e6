package com.scfledger.platform.security;

import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The address a login is throttled by: the socket's, unless the socket is one of the configured
 * {@code scf.security.trusted-proxies}; then the right-most {@code X-Forwarded-For} entry that is not itself a
 * trusted proxy (entries to its left were written by the client and prove nothing). With no trusted proxies
 * (the default) the header is ignored, so a client cannot pick its own address.
 */
@Component
class ClientAddress {

    static final String FORWARDED_FOR = "X-Forwarded-For";
    private static final int MAX_ENTRIES = 32;

    private final Set<String> trusted;

    @Autowired
    ClientAddress(SecurityProperties properties) {
        this.trusted = trustedSet(properties.trustedProxies());
    }

    private ClientAddress(Set<String> trusted) {
        this.trusted = trusted;
    }

    static ClientAddress trusting(List<String> trustedProxies) {
        return new ClientAddress(trustedSet(trustedProxies));
    }

    private static Set<String> trustedSet(List<String> trustedProxies) {
        return trustedProxies == null ? Set.of()
                : trustedProxies.stream().map(String::trim).filter(s -> !s.isEmpty())
                        .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    String of(HttpServletRequest request) {
        return resolve(request.getRemoteAddr(), request.getHeaders(FORWARDED_FOR) == null ? List.of()
                : java.util.Collections.list(request.getHeaders(FORWARDED_FOR)));
    }

    String resolve(String socketAddress, List<String> forwardedForHeaders) {
        if (!trusted.contains(socketAddress) || forwardedForHeaders == null || forwardedForHeaders.isEmpty()) {
            return socketAddress;
        }
        List<String> hops = forwardedForHeaders.stream()
                .flatMap(h -> java.util.Arrays.stream(h.split(",")))
                .map(String::trim).filter(s -> !s.isEmpty()).toList();
        String client = socketAddress;
        for (int i = hops.size() - 1, seen = 0; i >= 0 && seen < MAX_ENTRIES; i--, seen++) {
            client = hops.get(i);
            if (!trusted.contains(client)) {
                break;
            }
        }
        return client.length() > 100 ? client.substring(0, 100) : client;
    }
}
