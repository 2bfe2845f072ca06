terraform {
  required_version = ">= 1.6.0, < 2.0.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      # Patch releases only; `terraform init` then records the exact build in .terraform.lock.hcl,
      # which belongs in version control next to these files.
      version = "~> 5.82.0"
    }
  }
}

provider "aws" {
  region = var.region

  default_tags {
    tags = var.tags
  }
}
