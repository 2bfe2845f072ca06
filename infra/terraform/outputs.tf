output "bucket_name" {
  description = "The warehouse bucket."
  value       = aws_s3_bucket.warehouse.bucket
}

output "warehouse_uri" {
  description = "catalog.warehouse for rapport.yaml (infra/k8s/rapport-config.yaml)."
  value       = "s3://${aws_s3_bucket.warehouse.bucket}/${var.warehouse_prefix}"
}

output "flink_state_uri" {
  description = "Base of execution.checkpointing.dir, execution.checkpointing.savepoint-dir and high-availability.storageDir (infra/k8s/flink-session.yaml)."
  value       = "s3://${aws_s3_bucket.warehouse.bucket}/${var.flink_prefix}"
}

output "flink_role_arn" {
  description = "eks.amazonaws.com/role-arn of the rapport-flink service account (infra/k8s/service-account.yaml)."
  value       = aws_iam_role.flink.arn
}

output "kms_key_arn" {
  description = "KMS key that encrypts the bucket."
  value       = aws_kms_key.warehouse.arn
}

output "glue_database_name" {
  description = "Glue database for the Glue catalog option."
  value       = aws_glue_catalog_database.rapport.name
}
