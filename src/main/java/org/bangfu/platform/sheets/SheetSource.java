package org.bangfu.platform.sheets;

import java.io.Closeable;
import java.io.IOException;

/** An uploaded sheet (CSV or the first worksheet of an .xlsx) that can be read from the top several times. */
public interface SheetSource extends Closeable {

	/** Streams every row, header included, in file order, until the handler says stop. */
	void read(SheetRow.Handler handler) throws IOException;

	@Override
	default void close() throws IOException {
	}

}
