package org.bangfu.identity;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.bangfu.platform.web.ProblemResponses;
import org.bangfu.shared.Actor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.AccountExpiredException;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsChecker;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Two filter chains: /api/** is stateless (HTTP Basic or bearer API tokens, no session, no
 * CSRF since no cookie authenticates it); pages use form login with a session in the
 * database, CSRF tokens on every form, and strict security headers.
 */
@Configuration
@org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication
@EnableMethodSecurity
class SecurityConfiguration {

	static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
			+ "font-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

	@Bean
	AuthenticationManager authenticationManager(BangfuUserDetailsService details, PasswordEncoder encoder,
			AuthenticationEventPublisher events) {
		DaoAuthenticationProvider provider = new DaoAuthenticationProvider(details) {
			@Override
			protected Authentication createSuccessAuthentication(Object principal, Authentication authentication,
					UserDetails user) {
				BangfuUser safe = ((BangfuUser) user).withoutPassword();
				return UsernamePasswordAuthenticationToken.authenticated(safe, null, safe.getAuthorities());
			}
		};
		provider.setPasswordEncoder(encoder);
		// The password is checked before the account's state: a wrong password answers "wrong
		// login or password" whether the account exists, is locked or is disabled, so the answer
		// tells nobody which logins exist; only the right password learns that it is locked.
		UserDetailsChecker accountState = user -> {
			if (!user.isAccountNonLocked()) {
				throw new LockedException("locked");
			}
			if (!user.isEnabled()) {
				throw new DisabledException("disabled");
			}
			if (!user.isAccountNonExpired()) {
				throw new AccountExpiredException("expired");
			}
			if (!user.isCredentialsNonExpired()) {
				throw new CredentialsExpiredException("credentials expired");
			}
		};
		provider.setPreAuthenticationChecks(user -> {
		});
		provider.setPostAuthenticationChecks(accountState);
		ProviderManager manager = new ProviderManager(provider);
		// successes and failures reach LoginEvents (failed-login count, lockout, audit)
		manager.setAuthenticationEventPublisher(events);
		return manager;
	}

	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http, ApiTokens tokens, ProblemAuthenticationEntryPoint entryPoint,
			Users users, ProblemResponses problems, AuthenticationManager manager) throws Exception {
		http.securityMatcher("/api/**")
			.authenticationManager(manager)
			.authorizeHttpRequests(a -> a.anyRequest().authenticated())
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(c -> c.disable())
			.httpBasic(b -> b.authenticationEntryPoint(entryPoint))
			.exceptionHandling(e -> e.authenticationEntryPoint(entryPoint).accessDeniedHandler(entryPoint))
			.addFilterBefore(new BearerTokenFilter(tokens), BasicAuthenticationFilter.class)
			.addFilterAfter(new MustChangePasswordFilter(users, problems), BasicAuthenticationFilter.class)
			.headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives("default-src 'none'; frame-ancestors 'none'")));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain pages(HttpSecurity http, LoginAccounts accounts, AuthenticationManager manager) throws Exception {
		http.authenticationManager(manager)
			.addFilterBefore(new SessionRightsFilter(accounts), AnonymousAuthenticationFilter.class)
			.authorizeHttpRequests(a -> a
			.requestMatchers("/login", "/webjars/**", "/css/**", "/js/**", "/img/**", "/favicon.ico",
					"/error", "/actuator/health/**", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
			.permitAll()
			// the public notice boards (cases and roster notices): read them, and object with the page's CSRF token
			.requestMatchers(HttpMethod.GET, "/public/**")
			.permitAll()
			.requestMatchers(HttpMethod.POST, "/public/notices/*/objections", "/public/roster-notices/*/objections")
			.permitAll()
			// metrics and the rest of the actuator: administrators (and monitoring with an administrator's account) only
			.requestMatchers("/actuator/**")
			.hasRole("ADMIN")
			.anyRequest()
			.authenticated())
			.formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/", false).failureHandler(loginFailure()))
			.logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
			.headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CSP))
				.referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
				.frameOptions(f -> f.deny())
				.httpStrictTransportSecurity(s -> s.includeSubDomains(true)));
		return http.build();
	}

	private static AuthenticationFailureHandler loginFailure() {
		return (request, response, ex) -> {
			String reason = ex instanceof LockedException ? "locked" : ex instanceof DisabledException ? "disabled" : "bad";
			response.sendRedirect(request.getContextPath() + "/login?error=" + reason);
		};
	}

	/**
	 * The API side of the forced first-login password change: a caller who authenticated with a
	 * password (HTTP Basic) that someone else set must change it first, and gets a 403 problem
	 * saying so for everything but {@code GET /api/v1/me} and {@code POST /api/v1/me/password}.
	 * Bearer tokens are not passwords and are issued by an administrator: they are not affected.
	 */
	static final class MustChangePasswordFilter extends OncePerRequestFilter {

		static final String ME = "/api/v1/me";

		static final String ME_PASSWORD = "/api/v1/me/password";

		private final Users users;

		private final ProblemResponses problems;

		MustChangePasswordFilter(Users users, ProblemResponses problems) {
			this.users = users;
			this.problems = problems;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			String header = request.getHeader("Authorization");
			boolean basic = header != null && header.regionMatches(true, 0, "Basic ", 0, 6);
			if (basic && !allowed(request)
					&& Actor.current().map(a -> users.mustChangePassword(a.userId())).orElse(false)) {
				problems.write(request, response, 403, "password.mustChange.api");
				return;
			}
			chain.doFilter(request, response);
		}

		private static boolean allowed(HttpServletRequest request) {
			String path = request.getRequestURI().substring(request.getContextPath().length());
			return "GET".equals(request.getMethod()) && ME.equals(path)
					|| "POST".equals(request.getMethod()) && ME_PASSWORD.equals(path);
		}

	}

	/** Authenticates "Authorization: Bearer bf_..." with an API token. */
	static final class BearerTokenFilter extends OncePerRequestFilter {

		private final ApiTokens tokens;

		BearerTokenFilter(ApiTokens tokens) {
			this.tokens = tokens;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			String header = request.getHeader("Authorization");
			if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
				tokens.authenticate(header.substring(7).trim()).ifPresent(user -> {
					BangfuUser safe = user.withoutPassword();
					var auth = UsernamePasswordAuthenticationToken.authenticated(safe, null, safe.getAuthorities());
					SecurityContextHolder.getContext().setAuthentication(auth);
				});
			}
			chain.doFilter(request, response);
		}

	}

}
