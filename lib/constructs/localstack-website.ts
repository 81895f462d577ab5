import { RemovalPolicy } from 'aws-cdk-lib';
import { BlockPublicAccess, Bucket, BucketEncryption } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { acknowledge } from '../nag';

const LOCALSTACK_ONLY =
  'LocalStack target only (context target=localstack): a development deployment on the developer machine, whose free tier has no CloudFront;';

/**
 * The web app's files on the LocalStack target: an S3 website bucket (LocalStack's free tier has no
 * CloudFront, and no Lambda layer for a BucketDeployment), filled with `awslocal s3 sync` after the
 * deploy (docs/deploy.md). Public read, HTTP: what an S3 website endpoint is.
 */
export class LocalStackWebsite extends Construct {
  public readonly bucket: Bucket;
  /** The website endpoint; the API admits it as its CORS origin. */
  public readonly origin: string;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.bucket = new Bucket(this, 'Site', {
      websiteIndexDocument: 'index.html',
      // The single-page apps route on the client: an unknown path gets the app.
      websiteErrorDocument: 'index.html',
      publicReadAccess: true,
      blockPublicAccess: BlockPublicAccess.BLOCK_ACLS_ONLY,
      encryption: BucketEncryption.S3_MANAGED,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.origin = this.bucket.bucketWebsiteUrl;
    acknowledge(this.bucket, 'AwsSolutions-S1', `${LOCALSTACK_ONLY} no access logs for the static files.`);
    acknowledge(
      this.bucket,
      'AwsSolutions-S2',
      `${LOCALSTACK_ONLY} an S3 website is public by definition; it holds only the app's static files.`,
    );
    acknowledge(
      this.bucket,
      'AwsSolutions-S5',
      `${LOCALSTACK_ONLY} no CloudFront, hence no origin access identity: the website endpoint serves the static files to anyone.`,
    );
    acknowledge(
      this.bucket,
      'AwsSolutions-S10',
      `${LOCALSTACK_ONLY} S3 website endpoints answer over HTTP only; the bucket holds only the app's static files.`,
    );
  }
}
