-- Programs: the job that issued a bank batch (a cycle's batch, a re-issue of its failed lines), so
-- a job run again after a crash finds the batches it already committed instead of issuing twice.
ALTER TABLE programs_bank_batch ADD COLUMN job_id BIGINT;
CREATE INDEX programs_bank_batch_job_idx ON programs_bank_batch (job_id) WHERE job_id IS NOT NULL;
