// Deterministic bench data (see /work/shared/bench/workload.md). Shared by Node (bench/data.mjs)
// and both bench pages, so every contender gets exactly the same rows. No randomness.
//
// Skew of posts.user_id: u = frac(j * 0x9E3779B1 / 2^32) (Fibonacci hashing, exact in 32-bit
// integer arithmetic), user_id = 1 + floor(100000 * u^3). Cubing pushes mass toward low ids:
// 10% of posts go to users 1..100 (user 1 alone gets 6,463); 93,248 users have at least one post.
// Post timestamps: 2020-01-01 00:00:00 + j*97 s. Content: the first 60 + (j*37 % 200) characters
// (60..259) of LOREM, then ' #' + j.

export const N_USERS = 100000;
export const N_POSTS = 300000;

const LOREM =
  'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut ' +
  'labore et dolore magna aliqua. Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris ' +
  'nisi ut aliquip ex ea commodo consequat. Duis aute irure dolor in reprehenderit in voluptate velit ' +
  'esse cillum dolore eu fugiat nulla pariatur. Excepteur sint occaecat cupidatat non proident.';

const EPOCH = Date.UTC(2020, 0, 1, 0, 0, 0);

function stamp(seconds) {
  return new Date(EPOCH + seconds * 1000).toISOString().slice(0, 19).replace('T', ' ');
}

export function userRow(i) {
  return [i, 'user' + i, 'user' + i + '@example' + (i % 7) + '.com', 1 + (i % 5), stamp(i * 61)];
}

export function postUserId(j) {
  const u = (Math.imul(j, 0x9e3779b1) >>> 0) / 4294967296;
  return 1 + Math.floor(N_USERS * u * u * u);
}

export function postRow(j) {
  const len = 60 + ((j * 37) % 200);
  return [j, 'Post ' + j + ' about topic ' + (j % 97), LOREM.slice(0, len) + ' #' + j, postUserId(j), stamp(j * 97)];
}

export function users(n = N_USERS) {
  const out = new Array(n);
  for (let i = 1; i <= n; i++) out[i - 1] = userRow(i);
  return out;
}

export function posts(n = N_POSTS) {
  const out = new Array(n);
  for (let j = 1; j <= n; j++) out[j - 1] = postRow(j);
  return out;
}

// Schema and seed (not timed).
export const SCHEMA = `
PRAGMA foreign_keys = ON;
CREATE TABLE roles (id INTEGER PRIMARY KEY, name TEXT UNIQUE NOT NULL);
CREATE TABLE users (id INTEGER PRIMARY KEY, username TEXT UNIQUE NOT NULL, email TEXT UNIQUE NOT NULL,
  role_id INTEGER REFERENCES roles(id), created_at TEXT NOT NULL);
CREATE TABLE posts (id INTEGER PRIMARY KEY, title TEXT, content TEXT,
  user_id INTEGER NOT NULL REFERENCES users(id), created_at TEXT);
CREATE INDEX ix_posts_user_id ON posts(user_id);
CREATE TABLE students (id INTEGER PRIMARY KEY, name TEXT);
CREATE TABLE courses (id INTEGER PRIMARY KEY, title TEXT);
CREATE TABLE enrollments (student_id INTEGER REFERENCES students(id), course_id INTEGER REFERENCES courses(id),
  PRIMARY KEY (student_id, course_id));
INSERT INTO roles VALUES (1,'admin'),(2,'editor'),(3,'author'),(4,'reader'),(5,'guest');
`;

export const SEED_STUDENTS = Array.from({ length: 1000 }, (_, k) => [k + 1, 'student' + (k + 1)]);
export const SEED_COURSES = Array.from({ length: 20 }, (_, k) => [k + 1, 'course ' + (k + 1)]);
// 3,000 pairs, some repeated (INSERT OR IGNORE drops them).
export const SEED_ENROLLMENTS = Array.from({ length: 3000 }, (_, k) => [1 + ((k * 31) % 1000), 1 + ((k * 7 + (k >> 6)) % 20)]);

// The workloads' SQL and parameters.
export const SQL = {
  insertUser: 'INSERT INTO users (id, username, email, role_id, created_at) VALUES (?, ?, ?, ?, ?)',
  insertPost: 'INSERT INTO posts (id, title, content, user_id, created_at) VALUES (?, ?, ?, ?, ?)',
  insertStudent: 'INSERT INTO students (id, name) VALUES (?, ?)',
  insertCourse: 'INSERT INTO courses (id, title) VALUES (?, ?)',
  insertEnrollment: 'INSERT OR IGNORE INTO enrollments (student_id, course_id) VALUES (?, ?)',
  userById: 'SELECT id, username, email, role_id, created_at FROM users WHERE id = ?',
  top100:
    'SELECT u.id, u.username, count(*) AS n FROM users u JOIN posts p ON p.user_id = u.id ' +
    'GROUP BY u.id ORDER BY n DESC, u.id LIMIT 100',
  emailLike: 'SELECT count(*) FROM users WHERE email LIKE ?',
  w6update: "UPDATE users SET email = 'changed' || id || '@example.net', role_id = 1 + (role_id % 5) WHERE id % 2 = 0",
  w6delete: 'DELETE FROM posts WHERE id % 10 = 0',
  // Fingerprints (run after the timed region).
  fpUsers: 'SELECT count(*), sum(id), sum(role_id), sum(length(email)), sum(length(created_at)) FROM users',
  fpPosts: 'SELECT count(*), sum(user_id), sum(length(content)), sum(length(title)) FROM posts',
  fpSeed: 'SELECT (SELECT count(*) FROM roles), (SELECT count(*) FROM students), (SELECT count(*) FROM courses), (SELECT count(*) FROM enrollments)',
  fpW6: "SELECT (SELECT count(*) FROM posts), (SELECT sum(role_id) FROM users), (SELECT count(*) FROM users WHERE email LIKE '%@example.net'), (SELECT sum(id) FROM posts)",
};

// W3: 10,000 distinct ids spread over 1..100,000 (7919 is coprime with 100,000).
export function w3Ids() {
  return Array.from({ length: 10000 }, (_, k) => 1 + ((k * 7919) % N_USERS));
}

// W5: 100 patterns like '%123@example4%'.
export function w5Patterns() {
  return Array.from({ length: 100 }, (_, k) => '%' + (100 + ((k * 97) % 900)) + '@example' + (k % 7) + '%');
}

// FNV-1a over a JSON text: a compact checksum for row lists.
export function checksum(value) {
  const s = JSON.stringify(value);
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

// A checksum of the generated data itself (proves both pages and Node built the same rows).
export function dataChecksum(u, p) {
  let h = 0x811c9dc5;
  const mix = (s) => {
    for (let i = 0; i < s.length; i++) {
      h ^= s.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
  };
  for (const r of u) mix(r.join('|'));
  for (const r of p) mix(r.join('|'));
  return (h >>> 0).toString(16).padStart(8, '0') + ':' + u.length + ':' + p.length;
}

// Diagnostics (bench.mjs --diag): a copy of posts with the same index and foreign key.
export const DIAG = {
  makeCopy: 'CREATE TABLE posts_c (id INTEGER PRIMARY KEY, title TEXT, content TEXT, ' +
    'user_id INTEGER NOT NULL REFERENCES users(id), created_at TEXT); CREATE INDEX ix_posts_c_user_id ON posts_c(user_id);',
  dropCopy: 'DROP TABLE IF EXISTS posts_c;',
  insertCopy: 'INSERT INTO posts_c (id, title, content, user_id, created_at) VALUES (?, ?, ?, ?, ?)',
  copyAll: 'INSERT INTO posts_c SELECT * FROM posts',
  makeUsersCopy: 'CREATE TABLE users_c (id INTEGER PRIMARY KEY, username TEXT UNIQUE NOT NULL, email TEXT UNIQUE NOT NULL, ' +
    'role_id INTEGER REFERENCES roles(id), created_at TEXT NOT NULL);',
  dropUsersCopy: 'DROP TABLE IF EXISTS users_c;',
  insertUsersCopy: 'INSERT INTO users_c (id, username, email, role_id, created_at) VALUES (?, ?, ?, ?, ?)',
  copyUsers: 'INSERT INTO users_c SELECT * FROM users',
};
