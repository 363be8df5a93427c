package org.bangfu.identity.web;

import org.bangfu.identity.Users;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Registers the first-login password change on every page except the ones needed to do it. */
@Configuration
class IdentityWebConfiguration implements WebMvcConfigurer {

	private final Users users;

	IdentityWebConfiguration(Users users) {
		this.users = users;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new MustChangePasswordInterceptor(users))
			.addPathPatterns("/**")
			.excludePathPatterns(MustChangePasswordInterceptor.TARGET, "/login", "/logout", "/error", "/api/**",
					"/webjars/**", "/css/**", "/js/**", "/img/**", "/favicon.ico", "/public/**", "/actuator/**",
					"/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html");
	}

}
