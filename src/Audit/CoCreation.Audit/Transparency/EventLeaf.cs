namespace CoCreation.Audit.Transparency;

/// <summary>
/// An event's leaf in the log's Merkle tree: the bytes the chain hashes for it (<see cref="EventChain.CanonicalBytes"/>),
/// so the leaf hash is SHA-256(0x00 ‖ those bytes) while the chain's event hash is SHA-256(those bytes). Leaves are
/// appended in sequence order, a gap in the sequence taking no leaf (docs/adr/0024).
/// </summary>
public static class EventLeaf
{
    public static byte[] HashOf(ChainedEvent e) => MerkleTree.LeafHash(EventChain.CanonicalBytes(e));
}
