package org.bangfu.platform.db;

import javax.sql.DataSource;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded database stops last: every data source depends on {@link EmbeddedServer}, so the
 * context closes the web server, the jobs and the connection pool first and only then stops
 * PostgreSQL (stopping it first left the pool waiting 30 s for connections on shutdown).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("bangfu.embedded-db.active")
class EmbeddedDatabaseConfiguration {

	static final String SERVER_BEAN = "bangfuEmbeddedServer";

	@Bean(SERVER_BEAN)
	EmbeddedServer bangfuEmbeddedServer() {
		EmbeddedDatabaseEnvironmentPostProcessor.handOver();
		return new EmbeddedServer();
	}

	@Bean
	static BeanFactoryPostProcessor dataSourcesDependOnTheEmbeddedServer() {
		return beanFactory -> {
			for (String name : beanFactory.getBeanNamesForType(DataSource.class, true, false)) {
				BeanDefinition definition = beanFactory.getBeanDefinition(name);
				String[] dependsOn = definition.getDependsOn() == null ? new String[0] : definition.getDependsOn();
				String[] more = java.util.Arrays.copyOf(dependsOn, dependsOn.length + 1);
				more[dependsOn.length] = SERVER_BEAN;
				definition.setDependsOn(more);
			}
		};
	}

	/** Stops the embedded PostgreSQL when the context is destroyed, after the data sources. */
	static final class EmbeddedServer implements DisposableBean {

		@Override
		public void destroy() {
			EmbeddedDatabaseEnvironmentPostProcessor.stop();
		}

	}

}
