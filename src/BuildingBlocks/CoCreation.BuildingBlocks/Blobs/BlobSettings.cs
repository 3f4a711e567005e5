using Amazon.Runtime;
using Amazon.S3;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CoCreation.BuildingBlocks.Blobs;

/// <summary>
/// Settings section <c>Blobs</c>. Store: <c>FileSystem</c> (the default, under Path, relative to the working folder) or
/// <c>S3</c>: an S3-compatible bucket (ServiceUrl for anything but AWS itself, ForcePathStyle for MinIO and most others;
/// AccessKey and SecretKey, else the SDK's own credential chain).
/// </summary>
public sealed class BlobSettings
{
    public const string Section = "Blobs";

    public string Store { get; set; } = "FileSystem";
    public string Path { get; set; } = ".local/blobs";
    public S3Settings S3 { get; set; } = new();

    public sealed class S3Settings
    {
        public string? ServiceUrl { get; set; }
        public string Region { get; set; } = "us-east-1";
        public string Bucket { get; set; } = "";
        public string Prefix { get; set; } = "";
        public bool ForcePathStyle { get; set; } = true;
        public string? AccessKey { get; set; }
        public string? SecretKey { get; set; }
    }
}

public static class BlobStoreRegistration
{
    public static IServiceCollection AddBlobStore(this IServiceCollection services) =>
        services.AddSingleton<IBlobStore>(sp =>
        {
            var settings = sp.GetRequiredService<IConfiguration>().GetSection(BlobSettings.Section).Get<BlobSettings>() ?? new BlobSettings();
            return settings.Store.ToLowerInvariant() switch
            {
                "filesystem" => new FileSystemBlobStore(settings.Path),
                "s3" => S3(settings.S3),
                _ => throw new InvalidOperationException($"{BlobSettings.Section}:Store is '{settings.Store}'; use FileSystem or S3.")
            };
        });

    private static S3BlobStore S3(BlobSettings.S3Settings s3)
    {
        if (string.IsNullOrWhiteSpace(s3.Bucket))
            throw new InvalidOperationException($"{BlobSettings.Section}:S3:Bucket is not set.");
        var config = new AmazonS3Config { ForcePathStyle = s3.ForcePathStyle, AuthenticationRegion = s3.Region };
        if (!string.IsNullOrWhiteSpace(s3.ServiceUrl)) config.ServiceURL = s3.ServiceUrl;
        else config.RegionEndpoint = Amazon.RegionEndpoint.GetBySystemName(s3.Region);
        var client = string.IsNullOrEmpty(s3.AccessKey)
            ? new AmazonS3Client(config)
            : new AmazonS3Client(new BasicAWSCredentials(s3.AccessKey, s3.SecretKey), config);
        return new S3BlobStore(client, s3.Bucket, s3.Prefix);
    }
}
