package org.bangfu.platform.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document at /v3/api-docs: title, version and the two ways to authenticate. */
@Configuration
class OpenApiConfiguration {

	@Bean
	OpenAPI bangfuOpenApi() {
		return new OpenAPI()
			.info(new Info().title("Bangfu API")
				.version("v1")
				.description("Case management for hardship assistance (帮扶). All data is limited to the caller's "
						+ "organisation subtree. Errors are RFC 9457 problem details in the language of Accept-Language "
						+ "(zh-CN default, en).")
				.license(new License().name("Apache-2.0")))
			.components(new Components()
				.addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"))
				.addSecuritySchemes("token", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
					.description("API token issued by an administrator (bf_...)")))
			.addSecurityItem(new SecurityRequirement().addList("basic"))
			.addSecurityItem(new SecurityRequirement().addList("token"));
	}

}
