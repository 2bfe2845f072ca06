# The role of the Flink pods, assumed through IRSA by the one service account that
# infra/k8s/service-account.yaml annotates. It can read and write objects under the warehouse and
# Flink prefixes of the one bucket, use its KMS key, and manage tables of the one Glue database:
# nothing else.

data "aws_caller_identity" "current" {}

data "aws_partition" "current" {}

locals {
  account_id = data.aws_caller_identity.current.account_id
  partition  = data.aws_partition.current.partition
  prefixes   = [var.warehouse_prefix, var.flink_prefix]

  glue_catalog_arn  = "arn:${local.partition}:glue:${var.region}:${local.account_id}:catalog"
  glue_database_arn = "arn:${local.partition}:glue:${var.region}:${local.account_id}:database/${aws_glue_catalog_database.rapport.name}"
  glue_tables_arn   = "arn:${local.partition}:glue:${var.region}:${local.account_id}:table/${aws_glue_catalog_database.rapport.name}/*"
}

data "aws_iam_policy_document" "flink_trust" {
  statement {
    effect  = "Allow"
    actions = ["sts:AssumeRoleWithWebIdentity"]

    principals {
      type        = "Federated"
      identifiers = [var.eks_oidc_provider_arn]
    }

    condition {
      test     = "StringEquals"
      variable = "${var.eks_oidc_provider_url}:sub"
      values   = ["system:serviceaccount:${var.kubernetes_namespace}:${var.kubernetes_service_account}"]
    }

    condition {
      test     = "StringEquals"
      variable = "${var.eks_oidc_provider_url}:aud"
      values   = ["sts.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "flink" {
  name                 = "rapport-flink"
  description          = "Flink pods of Rapport (service account ${var.kubernetes_namespace}/${var.kubernetes_service_account})"
  assume_role_policy   = data.aws_iam_policy_document.flink_trust.json
  max_session_duration = 3600
}

data "aws_iam_policy_document" "flink_access" {
  statement {
    sid       = "ListOwnPrefixes"
    effect    = "Allow"
    actions   = ["s3:ListBucket"]
    resources = [aws_s3_bucket.warehouse.arn]

    condition {
      test     = "StringLike"
      variable = "s3:prefix"
      values   = flatten([for p in local.prefixes : [p, "${p}/*"]])
    }
  }

  statement {
    sid    = "ReadWriteOwnObjects"
    effect = "Allow"
    actions = [
      "s3:GetObject",
      "s3:PutObject",
      "s3:DeleteObject",
      "s3:AbortMultipartUpload",
      "s3:ListMultipartUploadParts",
    ]
    resources = [for p in local.prefixes : "${aws_s3_bucket.warehouse.arn}/${p}/*"]
  }

  statement {
    sid       = "UseTheBucketKey"
    effect    = "Allow"
    actions   = ["kms:Decrypt", "kms:GenerateDataKey"]
    resources = [aws_kms_key.warehouse.arn]
  }

  statement {
    sid    = "ManageTablesOfOneGlueDatabase"
    effect = "Allow"
    actions = [
      "glue:GetDatabase",
      "glue:GetTable",
      "glue:GetTables",
      "glue:CreateTable",
      "glue:UpdateTable",
      "glue:DeleteTable",
    ]
    resources = [local.glue_catalog_arn, local.glue_database_arn, local.glue_tables_arn]
  }
}

resource "aws_iam_role_policy" "flink_access" {
  name   = "rapport-flink-access"
  role   = aws_iam_role.flink.id
  policy = data.aws_iam_policy_document.flink_access.json
}
