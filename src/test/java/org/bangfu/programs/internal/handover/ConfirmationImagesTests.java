package org.bangfu.programs.internal.handover;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A confirmation photo is decoded subsampled: never more pixels than the budget, never less than the stored size. */
class ConfirmationImagesTests {

	@Test
	void aPhoneCameraPhotoIsDecodedAtAFractionOfItsPixels() {
		int step = ConfirmationImages.subsampling(8000, 6000);
		assertThat((8000L / step) * (6000L / step)).isLessThanOrEqualTo(ConfirmationImages.DECODE_BUDGET_PIXELS);
		assertThat(8000 / step).isGreaterThanOrEqualTo(ConfirmationImages.MAX_EDGE);
	}

	@Test
	void aSmallSignatureIsDecodedWhole() {
		assertThat(ConfirmationImages.subsampling(1200, 400)).isEqualTo(1);
		assertThat(ConfirmationImages.subsampling(3000, 2000)).isEqualTo(1);
	}

	@Test
	void aLongThinImageStaysWithinTheBudget() {
		int step = ConfirmationImages.subsampling(49_000, 1_000);
		assertThat((49_000L / step) * (1_000L / step)).isLessThanOrEqualTo(ConfirmationImages.DECODE_BUDGET_PIXELS);
	}

}
