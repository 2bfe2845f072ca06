# A Glue database for the tables, for teams that use AWS Glue as the Iceberg catalog instead of
# the JDBC catalog on PostgreSQL (rapport.yaml: catalog.type). Harmless when unused.
resource "aws_glue_catalog_database" "rapport" {
  name        = var.glue_database_name
  description = "Rapport customer data platform: Iceberg tables"

  location_uri = "s3://${aws_s3_bucket.warehouse.bucket}/${var.warehouse_prefix}"
}
