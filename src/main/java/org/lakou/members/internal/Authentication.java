package org.lakou.members.internal;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/** Password logins (form and HTTP Basic): e-mail lookup by {@code _id}, bcrypt, then throttling around it. */
final class Authentication {

    private Authentication() {
    }

    static UserDetailsService userDetails(EmailRegistry emails, MemberService members) {
        return email -> emails.memberOf(email).map(members::doc).filter(d -> d != null && d.passwordHash != null)
                .map(LakouUser::new)
                .orElseThrow(() -> new UsernameNotFoundException("unknown account"));
    }

    /** Wraps the standard provider: refuses while locked, counts failures, clears on success. */
    static final class Throttling implements AuthenticationProvider {

        private final DaoAuthenticationProvider delegate;
        private final LoginThrottle throttle;

        Throttling(UserDetailsService users, PasswordEncoder encoder, LoginThrottle throttle) {
            this.delegate = new DaoAuthenticationProvider(users);
            this.delegate.setPasswordEncoder(encoder);
            this.throttle = throttle;
        }

        @Override
        public org.springframework.security.core.Authentication authenticate(
                org.springframework.security.core.Authentication auth) throws AuthenticationException {
            String account = auth.getName();
            String ip = auth.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : null;
            throttle.check(account, ip);
            try {
                var result = delegate.authenticate(auth);
                throttle.succeeded(account, ip);
                return result;
            } catch (BadCredentialsException e) {
                throttle.failed(account, ip);
                throw e;
            }
        }

        @Override
        public boolean supports(Class<?> type) {
            return UsernamePasswordAuthenticationToken.class.isAssignableFrom(type);
        }
    }
}
