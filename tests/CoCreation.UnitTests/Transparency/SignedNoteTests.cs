using CoCreation.Audit.Transparency;

namespace CoCreation.UnitTests.Transparency;

public class SignedNoteTests
{
    // Known answers, each confirmed in several independent implementations' tests: the example of Go's
    // golang.org/x/mod/sumdb/note (seed, verifier key, exact signed note: Ed25519 is deterministic), the example of
    // the C2SP signed-note spec, and a real checkpoint of sum.golang.org.
    private const string GoSeed = "AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz"; // 0x01 ‖ seed
    private const string GoVerifierKey = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
    private const string GoText = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
    private const string GoNote = GoText + "\n\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";
    private const string SpecVerifierKey = "example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k";
    private const string SpecNote = "This is an example message.\n\n\u2014 example.com/foo Uw2QOkn8srV1yJGh2VYRlL1Tnagv1YEq6TfXppzi2ONncAlTgK7Ztg1ERYNZXsYjOBH3mFXmRKuwHjG1Yu72IneyaQM=\n";
    private const string SumDbVerifierKey = "sum.golang.org+033de0ae+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8";
    private const string SumDbCheckpoint = "go.sum database tree\n13485\n/ZWur4obeiqK+ASdnPK+/Rmz6LPQMUeSmHh0+UkL54Y=\n\n\u2014 sum.golang.org Az3grnQReYTvpCrRxT+w50vixbqBlB/aPS8bL8f8KW4HHP+UjLSXOJgCh4f54n8hO6lrESglzyRXMXnhaWzaeY3zqw8=\n";

    private const string Origin = "cocreation.example/audit";

    private static CheckpointSigner GoSigner() => CheckpointSigner.FromSeed("PeterNeumann", Convert.FromBase64String(GoSeed).AsSpan(1));

    [Fact]
    public void Signing_the_go_reference_example_gives_its_key_id_its_verifier_key_and_its_exact_note()
    {
        using var signer = GoSigner();
        Assert.Equal(0xc74f20a3u, signer.KeyId);
        Assert.Equal(GoVerifierKey, signer.VerifierKey);
        Assert.Equal(GoNote, signer.SignNote(GoText).Format());
    }

    [Fact]
    public void The_spec_example_and_a_real_sum_golang_org_checkpoint_verify_with_their_published_keys()
    {
        var spec = SignedNote.Parse(SpecNote);
        Assert.True(spec.Verify(NoteVerifier.Parse(SpecVerifierKey)).Verified);
        Assert.Equal("This is an example message.\n", spec.Text);

        var sumdb = SignedNote.Parse(SumDbCheckpoint);
        Assert.True(sumdb.Verify(NoteVerifier.Parse(SumDbVerifierKey)).Verified);
        var checkpoint = Checkpoint.Parse(sumdb.Text);
        Assert.Equal(("go.sum database tree", 13485L), (checkpoint.Origin, checkpoint.Size));
        Assert.Equal(sumdb.Text, checkpoint.Format());
        Assert.Equal(SumDbCheckpoint, sumdb.Format());
    }

    [Fact]
    public void A_signed_checkpoint_goes_through_format_parse_and_verify_unchanged()
    {
        using var signer = CheckpointSigner.Generate(Origin);
        var checkpoint = new Checkpoint(Origin, 4242, MerkleTree.LeafHash("root"u8), ["extension line"]);
        var note = signer.Sign(checkpoint).Format();

        Assert.StartsWith($"{Origin}\n4242\n{Convert.ToBase64String(checkpoint.RootHash)}\nextension line\n\n\u2014 {Origin} ", note);
        var parsed = SignedNote.Parse(note);
        var verification = parsed.Verify(NoteVerifier.Parse(signer.VerifierKey));
        Assert.True(verification.Verified, verification.Refusal);
        Assert.Equal(signer.Verifier, Assert.Single(verification.VerifiedBy));
        Assert.Equal(checkpoint, Checkpoint.Parse(parsed.Text));
        Assert.Equal(note, parsed.Format());
    }

    [Fact]
    public void A_note_with_any_byte_of_its_text_or_signature_changed_is_refused()
    {
        using var signer = CheckpointSigner.Generate(Origin);
        var note = signer.Sign(new Checkpoint(Origin, 10, MerkleTree.EmptyRoot)).Format();
        var textLength = note.LastIndexOf("\n\n", StringComparison.Ordinal) + 1;
        var refused = 0;
        for (var i = 0; i < textLength; i++)
        {
            if (note[i] == '\n') continue;
            var changed = note[..i] + (char)(note[i] ^ 1) + note[(i + 1)..];
            Assert.False(Opens(changed, signer.Verifier), $"text changed at {i}");
            refused++;
        }
        Assert.True(refused > 40);

        var sigStart = note.LastIndexOf(' ') + 1;
        var signature = Convert.FromBase64String(note[sigStart..^1]);
        for (var i = 4; i < signature.Length; i++)
        {
            var changed = signature.ToArray();
            changed[i] ^= 0x40;
            Assert.False(Opens(note[..sigStart] + Convert.ToBase64String(changed) + "\n", signer.Verifier), $"signature byte {i}");
        }
    }

    [Fact]
    public void A_note_signed_by_another_key_or_under_another_name_is_refused()
    {
        using var signer = CheckpointSigner.Generate(Origin);
        using var other = CheckpointSigner.Generate(Origin);
        var note = signer.SignNote("tree\n1\n" + Convert.ToBase64String(MerkleTree.EmptyRoot) + "\n");

        var byOtherKey = note.Verify(other.Verifier);
        Assert.False(byOtherKey.Verified);
        Assert.Equal("No signature from a known key.", byOtherKey.Refusal);
        // The same public key under another name has another key ID: unknown, so the note has no trusted signature.
        Assert.False(note.Verify(new NoteVerifier("another.example/log", signer.Verifier.PublicKey)).Verified);
        // The signature line renamed: no longer the trusted key's.
        var renamed = note with { Signatures = [note.Signatures[0] with { KeyName = "another.example/log" }] };
        Assert.False(Opens(renamed.Format(), signer.Verifier));
        // A key ID that belongs to the trusted key on someone else's signature: a known key whose signature fails.
        var forged = other.SignNote(note.Text).Signatures[0] with { KeyName = Origin, KeyId = signer.KeyId };
        var refusal = (note with { Signatures = [forged] }).Verify(signer.Verifier);
        Assert.False(refusal.Verified);
        Assert.Contains("does not verify", refusal.Refusal);
    }

    [Fact]
    public void Unknown_signatures_are_ignored_but_a_known_keys_failed_signature_refuses_the_whole_note()
    {
        using var signer = CheckpointSigner.Generate(Origin);
        using var witness = CheckpointSigner.Generate("witness.example/w1");
        var text = "tree\n2\n" + Convert.ToBase64String(MerkleTree.EmptyRoot) + "\n";
        var cosigned = new SignedNote(text, [signer.Sign(text), witness.Sign(text)]);

        Assert.True(Opens(cosigned.Format(), signer.Verifier));
        var both = SignedNote.Parse(cosigned.Format()).Verify(signer.Verifier, witness.Verifier);
        Assert.Equal(2, both.VerifiedBy.Count);

        var badWitness = witness.Sign("another text\n");
        var mixed = new SignedNote(text, [signer.Sign(text), badWitness]);
        Assert.True(mixed.Verify(signer.Verifier).Verified);
        Assert.False(mixed.Verify(signer.Verifier, witness.Verifier).Verified);
    }

    [Fact]
    public void The_verifier_key_string_parses_back_to_the_same_name_key_and_key_id_and_a_wrong_one_is_refused()
    {
        using var signer = CheckpointSigner.Generate(Origin);
        var parsed = NoteVerifier.Parse(signer.VerifierKey);
        Assert.Equal((signer.Name, signer.KeyId), (parsed.Name, parsed.KeyId));
        Assert.Equal(signer.Verifier.PublicKey, parsed.PublicKey);
        Assert.Equal(signer.VerifierKey, parsed.VerifierKey);
        Assert.Matches($"^{System.Text.RegularExpressions.Regex.Escape(Origin)}\\+[0-9a-f]{{8}}\\+[A-Za-z0-9+/]{{44}}$", signer.VerifierKey);

        var parts = signer.VerifierKey.Split('+', 3);
        var wrongId = ((signer.KeyId + 1) & 0xffffffff).ToString("x8");
        Assert.Throws<FormatException>(() => NoteVerifier.Parse($"{parts[0]}+{wrongId}+{parts[2]}"));
        Assert.Throws<FormatException>(() => NoteVerifier.Parse($"{parts[0]}+{parts[1].ToUpperInvariant()}X+{parts[2]}"));
        Assert.Throws<FormatException>(() => NoteVerifier.Parse($"another.example+{parts[1]}+{parts[2]}"));
        var ecdsaType = Convert.FromBase64String(parts[2]);
        ecdsaType[0] = 0x02;
        Assert.Throws<FormatException>(() => NoteVerifier.Parse($"{parts[0]}+{parts[1]}+{Convert.ToBase64String(ecdsaType)}"));
        Assert.Throws<FormatException>(() => NoteVerifier.Parse("no-plus-signs"));
        Assert.Throws<ArgumentException>(() => new NoteVerifier("has space", signer.Verifier.PublicKey));
        Assert.Throws<ArgumentException>(() => new NoteVerifier("a+b", signer.Verifier.PublicKey));
    }

    [Fact]
    public void A_key_saved_as_a_base64_seed_file_loads_back_as_the_same_key()
    {
        var path = Path.GetTempFileName();
        try
        {
            using var generated = CheckpointSigner.Generate(Origin);
            File.WriteAllText(path, generated.ExportSeedBase64() + "\n");
            using var loaded = CheckpointSigner.FromFile(Origin, path);
            Assert.Equal(generated.VerifierKey, loaded.VerifierKey);
            Assert.True(loaded.SignNote("signed by the loaded key\n").Verify(generated.Verifier).Verified);

            File.WriteAllText(path, Convert.ToBase64String(new byte[31]));
            Assert.Throws<ArgumentException>(() => CheckpointSigner.FromFile(Origin, path));
            File.WriteAllText(path, "not base64!");
            Assert.Throws<FormatException>(() => CheckpointSigner.FromFile(Origin, path));
        }
        finally { File.Delete(path); }
    }

    [Theory]
    [InlineData("text\n— name AAAAAAA=\n")] // no blank line
    [InlineData("text\n\n")] // no signature
    [InlineData("text\n\n-- name AAAAAAA=\n")] // not an em dash
    [InlineData("text\n\n— name AAAAAAA=")] // no final newline
    [InlineData("text\n\n— name AAAA\n")] // too short for a key ID and a signature
    [InlineData("text\n\n— name not*base64\n")]
    [InlineData("text\n\n— na+me AAAAAAA=\n")] // a plus in the name
    [InlineData("te\txt\n\n— name AAAAAAA=\n")] // a control character
    [InlineData("text\n\n— name AAAAAAA= extra\n")]
    public void Malformed_notes_are_refused_when_parsed(string note) =>
        Assert.Throws<FormatException>(() => SignedNote.Parse(note));

    [Theory]
    [InlineData("origin\n10\n")] // no root hash
    [InlineData("origin\n010\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n")] // leading zero
    [InlineData("origin\n-1\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n")]
    [InlineData("origin\n10\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuA==\n")] // 31 bytes
    [InlineData("origin\n10\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=")] // no final newline
    [InlineData("origin\n10\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n\nextension\n")] // empty line
    [InlineData("\n10\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n")] // empty origin
    public void Malformed_checkpoints_are_refused_when_parsed(string text) =>
        Assert.Throws<FormatException>(() => Checkpoint.Parse(text));

    [Fact]
    public void The_empty_tree_checkpoint_has_size_zero_and_the_empty_root()
    {
        var checkpoint = Checkpoint.Parse("origin\n0\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n");
        Assert.Equal(0, checkpoint.Size);
        Assert.Equal(MerkleTree.EmptyRoot, checkpoint.RootHash);
    }

    private static bool Opens(string note, NoteVerifier verifier)
    {
        try { return SignedNote.Parse(note).Verify(verifier).Verified; }
        catch (FormatException) { return false; }
    }
}
