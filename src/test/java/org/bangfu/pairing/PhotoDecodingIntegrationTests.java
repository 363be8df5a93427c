package org.bangfu.pairing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

import org.bangfu.pairing.internal.PhotoStore;
import org.bangfu.shared.BangfuException;
import org.bangfu.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A small PNG that unpacks to a huge picture (a decompression bomb: 59 megapixels in a few
 * hundred kilobytes) is decoded within a memory budget, three at once as well; a picture above
 * the pixel limit is refused with a message that says so.
 */
@IntegrationTest
class PhotoDecodingIntegrationTests {

	/** What one decode may allocate: the full picture alone would take 178 MB. */
	static final long BUDGET = 64L * 1024 * 1024;

	@Autowired
	PhotoStore photos;

	@Test
	void aFiftyNineMegapixelPngIsDecodedWithinTheBudgetAndStoredSmall() throws IOException {
		byte[] bomb = png(7700, 7700);
		assertThat(bomb.length).isLessThan(1024 * 1024);
		long before = allocated();
		PhotoStore.Stored stored = photos.storePhoto(bomb, "file");
		assertThat(allocated() - before).isLessThan(BUDGET);
		assertThat(Math.max(stored.width(), stored.height())).isLessThanOrEqualTo(1600);
	}

	@Test
	void threeAtOnceAreAllStoredEachWithinTheBudget() throws Exception {
		byte[] bomb = png(7700, 7700);
		ExecutorService pool = Executors.newFixedThreadPool(3);
		try {
			List<Future<Long>> results = new ArrayList<>();
			for (int i = 0; i < 3; i++) {
				results.add(pool.submit(() -> {
					long before = allocated();
					photos.storePhoto(bomb, "file");
					return allocated() - before;
				}));
			}
			for (Future<Long> r : results) {
				assertThat(r.get()).isLessThan(BUDGET);
			}
		}
		finally {
			pool.shutdown();
		}
	}

	@Test
	void aPictureAboveThePixelLimitIsRefusedSayingSo() throws IOException {
		byte[] huge = png(9000, 9000);
		assertThatThrownBy(() -> photos.storePhoto(huge, "file")).isInstanceOfSatisfying(BangfuException.class, ex -> {
			assertThat(ex.messageKey()).isEqualTo("visit.photo.tooManyPixels");
			assertThat(ex.args()).contains(9000, 9000);
		});
	}

	private static long allocated() {
		return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
	}

	/** A black RGB PNG of the size, written row by row (the test never holds the picture). */
	static byte[] png(int width, int height) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A });
		ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
		DataOutputStream h = new DataOutputStream(ihdr);
		h.writeInt(width);
		h.writeInt(height);
		h.write(new byte[] { 8, 2, 0, 0, 0 });
		chunk(out, "IHDR", ihdr.toByteArray());
		ByteArrayOutputStream idat = new ByteArrayOutputStream();
		try (DeflaterOutputStream z = new DeflaterOutputStream(idat, new Deflater(9))) {
			byte[] row = new byte[1 + width * 3];
			for (int y = 0; y < height; y++) {
				z.write(row);
			}
		}
		chunk(out, "IDAT", idat.toByteArray());
		chunk(out, "IEND", new byte[0]);
		return out.toByteArray();
	}

	private static void chunk(ByteArrayOutputStream out, String type, byte[] data) throws IOException {
		DataOutputStream d = new DataOutputStream(out);
		d.writeInt(data.length);
		byte[] t = type.getBytes(StandardCharsets.US_ASCII);
		d.write(t);
		d.write(data);
		CRC32 crc = new CRC32();
		crc.update(t);
		crc.update(data);
		d.writeInt((int) crc.getValue());
	}

}
