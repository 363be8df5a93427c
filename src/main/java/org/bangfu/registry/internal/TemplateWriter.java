package org.bangfu.registry.internal;

import java.io.IOException;

/** Writes template rows (cells from {@link TemplateCells}) to a spreadsheet file, header first. */
public interface TemplateWriter extends AutoCloseable {

	/** One person; firstOfHousehold marks where a household starts (a workbook never splits one across sheets). */
	void row(Object[] cells, boolean firstOfHousehold) throws IOException;

	/** Writes what is still buffered; the file is complete afterwards. */
	void finish() throws IOException;

	/** Frees resources (temporary files); does not close the output stream. */
	@Override
	void close() throws IOException;

}
