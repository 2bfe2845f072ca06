variable "region" {
  description = "AWS region of the bucket, the Glue database and the cluster."
  type        = string
  default     = "eu-central-1"
}

variable "bucket_name" {
  description = "Name of the S3 bucket that holds the Iceberg warehouse and Flink's checkpoints, savepoints and HA metadata (globally unique)."
  type        = string

  validation {
    condition     = can(regex("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$", var.bucket_name))
    error_message = "An S3 bucket name is 3 to 63 lower-case letters, digits, dots and hyphens."
  }
}

variable "warehouse_prefix" {
  description = "Key prefix of the Iceberg warehouse in the bucket (rapport.yaml: catalog.warehouse = s3://<bucket>/<prefix>)."
  type        = string
  default     = "warehouse"
}

variable "flink_prefix" {
  description = "Key prefix of Flink's checkpoints, savepoints and HA metadata in the bucket."
  type        = string
  default     = "flink"
}

variable "glue_database_name" {
  description = "Glue database for the tables when the Glue catalog is used instead of the JDBC catalog."
  type        = string
  default     = "rapport"
}

variable "noncurrent_version_days" {
  description = "Days after which overwritten or deleted object versions are removed for good."
  type        = number
  default     = 30
}

variable "abort_multipart_days" {
  description = "Days after which incomplete multipart uploads (from killed writers) are aborted."
  type        = number
  default     = 7
}

variable "eks_oidc_provider_arn" {
  description = "ARN of the EKS cluster's IAM OIDC provider (IRSA), e.g. arn:aws:iam::123456789012:oidc-provider/oidc.eks.eu-central-1.amazonaws.com/id/EXAMPLE."
  type        = string
}

variable "eks_oidc_provider_url" {
  description = "Issuer of that OIDC provider without https://, e.g. oidc.eks.eu-central-1.amazonaws.com/id/EXAMPLE."
  type        = string
}

variable "kubernetes_namespace" {
  description = "Namespace of the Flink pods (infra/k8s)."
  type        = string
  default     = "rapport"
}

variable "kubernetes_service_account" {
  description = "Service account of the Flink pods (infra/k8s/service-account.yaml)."
  type        = string
  default     = "rapport-flink"
}

variable "tags" {
  description = "Tags on every resource."
  type        = map(string)
  default = {
    project = "rapport"
  }
}
