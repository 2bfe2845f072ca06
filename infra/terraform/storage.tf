# The bucket of the Iceberg warehouse and of Flink's state: encrypted with a customer-managed KMS
# key, versioned (an overwritten metadata file can be recovered), never public, and with old
# versions and abandoned multipart uploads cleaned up so that costs do not creep.

resource "aws_kms_key" "warehouse" {
  description             = "Rapport warehouse bucket ${var.bucket_name}"
  enable_key_rotation     = true
  deletion_window_in_days = 30
}

resource "aws_kms_alias" "warehouse" {
  name          = "alias/${var.bucket_name}"
  target_key_id = aws_kms_key.warehouse.key_id
}

resource "aws_s3_bucket" "warehouse" {
  bucket = var.bucket_name
}

resource "aws_s3_bucket_server_side_encryption_configuration" "warehouse" {
  bucket = aws_s3_bucket.warehouse.id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.warehouse.arn
    }
    # One data key per bucket instead of one KMS call per object: Iceberg writes many small files.
    bucket_key_enabled = true
  }
}

resource "aws_s3_bucket_versioning" "warehouse" {
  bucket = aws_s3_bucket.warehouse.id

  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_public_access_block" "warehouse" {
  bucket = aws_s3_bucket.warehouse.id

  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_ownership_controls" "warehouse" {
  bucket = aws_s3_bucket.warehouse.id

  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}

resource "aws_s3_bucket_lifecycle_configuration" "warehouse" {
  bucket = aws_s3_bucket.warehouse.id

  # Versioning must be on before a rule about non-current versions means anything.
  depends_on = [aws_s3_bucket_versioning.warehouse]

  rule {
    id     = "expire-noncurrent-versions"
    status = "Enabled"

    filter {}

    noncurrent_version_expiration {
      noncurrent_days = var.noncurrent_version_days
    }
  }

  rule {
    id     = "abort-incomplete-multipart-uploads"
    status = "Enabled"

    filter {}

    abort_incomplete_multipart_upload {
      days_after_initiation = var.abort_multipart_days
    }
  }
}

# Only TLS: requests over plain HTTP are denied.
data "aws_iam_policy_document" "warehouse_bucket" {
  statement {
    sid     = "DenyInsecureTransport"
    effect  = "Deny"
    actions = ["s3:*"]
    resources = [
      aws_s3_bucket.warehouse.arn,
      "${aws_s3_bucket.warehouse.arn}/*",
    ]

    principals {
      type        = "*"
      identifiers = ["*"]
    }

    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }
}

resource "aws_s3_bucket_policy" "warehouse" {
  bucket = aws_s3_bucket.warehouse.id
  policy = data.aws_iam_policy_document.warehouse_bucket.json

  depends_on = [aws_s3_bucket_public_access_block.warehouse]
}
