package org.bangfu.registry;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.bangfu.support.Fixtures;
import org.bangfu.support.IntegrationTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * The import tests' application: the whole application on PostgreSQL with a file size limit of
 * 8 MB, so an oversized upload is cheap to make (one shared context for all import tests).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@IntegrationTest
@Import(Fixtures.class)
@TestPropertySource(properties = "bangfu.import.max-file-size=8MB")
public @interface ImportIntegrationTest {

	long MAX_FILE_SIZE = 8L * 1024 * 1024;

}
