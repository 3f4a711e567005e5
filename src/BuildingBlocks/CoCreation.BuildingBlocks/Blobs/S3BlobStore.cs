using System.Net;
using Amazon.S3;
using Amazon.S3.Model;

namespace CoCreation.BuildingBlocks.Blobs;

/// <summary>Blobs as objects of one bucket of an S3-compatible service (AWS, MinIO, Ceph, Garage...), named by their key under an optional prefix.</summary>
public sealed class S3BlobStore(IAmazonS3 client, string bucket, string prefix) : IBlobStore
{
    private string ObjectName(string key) => prefix + BlobKeys.Checked(key);

    public async Task Put(string sha256, ReadOnlyMemory<byte> bytes, string contentType, CancellationToken token)
    {
        using var content = new MemoryStream(bytes.ToArray(), writable: false);
        await client.PutObjectAsync(new PutObjectRequest
        {
            BucketName = bucket, Key = ObjectName(sha256), InputStream = content, ContentType = contentType, AutoCloseStream = false,
            ChecksumAlgorithm = ChecksumAlgorithm.SHA256
        }, token);
    }

    public async Task<byte[]?> Get(string sha256, CancellationToken token)
    {
        try
        {
            using var response = await client.GetObjectAsync(bucket, ObjectName(sha256), token);
            using var buffer = new MemoryStream();
            await response.ResponseStream.CopyToAsync(buffer, token);
            return buffer.ToArray();
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public Task Delete(string sha256, CancellationToken token) => client.DeleteObjectAsync(bucket, ObjectName(sha256), token);
}
