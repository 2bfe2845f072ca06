package dev.rapport.identity.cluster;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Disjoint sets over record ids (union by size, path halving): near-constant time per operation,
 * so connected components of n records and m links cost about O(n + m).
 */
public final class UnionFind {

    private final Map<String, Integer> index = new HashMap<>();
    private final List<String> ids = new ArrayList<>();
    private int[] parent = new int[16];
    private int[] size = new int[16];

    /** Adds the id as a set of its own, if it is new. */
    public int add(String id) {
        Integer known = index.get(id);
        if (known != null) {
            return known;
        }
        int position = ids.size();
        if (position == parent.length) {
            parent = java.util.Arrays.copyOf(parent, position * 2);
            size = java.util.Arrays.copyOf(size, position * 2);
        }
        parent[position] = position;
        size[position] = 1;
        ids.add(id);
        index.put(id, position);
        return position;
    }

    /** Joins the sets of both ids (adding either if new); returns the id that now represents the joined set. */
    public String union(String a, String b) {
        int rootA = root(add(a));
        int rootB = root(add(b));
        if (rootA == rootB) {
            return ids.get(rootA);
        }
        if (size[rootA] < size[rootB]) {
            int swap = rootA;
            rootA = rootB;
            rootB = swap;
        }
        parent[rootB] = rootA;
        size[rootA] += size[rootB];
        return ids.get(rootA);
    }

    /** How many ids the set holding {@code id} has (1 for an id added now). */
    public int size(String id) {
        return size[root(add(id))];
    }

    /** The id that represents the set holding {@code id} (adding it as a set of its own if new). */
    public String find(String id) {
        return ids.get(root(add(id)));
    }

    public boolean connected(String a, String b) {
        return index.containsKey(a) && index.containsKey(b) && root(index.get(a)) == root(index.get(b));
    }

    /** Every set, as lists of ids in the order they were added. */
    public List<List<String>> components() {
        Map<Integer, List<String>> byRoot = new HashMap<>();
        List<List<String>> components = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            List<String> component = byRoot.computeIfAbsent(root(i), root -> {
                List<String> created = new ArrayList<>();
                components.add(created);
                return created;
            });
            component.add(ids.get(i));
        }
        return components;
    }

    private int root(int position) {
        int current = position;
        while (parent[current] != current) {
            parent[current] = parent[parent[current]];
            current = parent[current];
        }
        return current;
    }
}
