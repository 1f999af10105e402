#include <gtest/gtest.h>

#include <set>
#include <string>

#include "support/api_fixtures.hpp"

namespace zomato::testing {
namespace {

class RestaurantsApi : public api_suite {
 protected:
  json make(const std::string& prefix = "Place") {
    return create_restaurant(client(), restaurant_body(unique_name(prefix)));
  }

  static std::string path_of(const json& restaurant) {
    return "/restaurants/" + std::to_string(restaurant["id"].get<std::int64_t>());
  }
};

void expect_restaurant_shape(const json& r) {
  ASSERT_TRUE(r.is_object()) << r.dump();
  EXPECT_EQ(r.size(), 12u) << r.dump();
  EXPECT_TRUE(r["id"].is_number_integer());
  EXPECT_TRUE(r["name"].is_string());
  EXPECT_TRUE(r["description"].is_string() || r["description"].is_null());
  EXPECT_TRUE(r["cuisine_type"].is_string());
  EXPECT_TRUE(r["address"].is_string());
  EXPECT_TRUE(r["phone_number"].is_string());
  EXPECT_TRUE(r["rating"].is_number());
  EXPECT_TRUE(r["is_active"].is_boolean());
  EXPECT_TRUE(r["opening_time"].is_string() || r["opening_time"].is_null());
  EXPECT_TRUE(r["closing_time"].is_string() || r["closing_time"].is_null());
  EXPECT_TRUE(r["created_at"].is_string());
  EXPECT_TRUE(r["updated_at"].is_string());
}

bool is_timestamp(const std::string& text) {
  // YYYY-MM-DDTHH:MM:SS, no fraction, no zone
  if (text.size() != 19) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (i == 4 || i == 7) {
      if (c != '-') return false;
    } else if (i == 10) {
      if (c != 'T') return false;
    } else if (i == 13 || i == 16) {
      if (c != ':') return false;
    } else if (c < '0' || c > '9') {
      return false;
    }
  }
  return true;
}

TEST_F(RestaurantsApi, CreateTrimsNameTitleCasesCuisineAndKeepsPhoneAsSent) {
  const auto name = unique_name("New Place");
  const auto reply = client().post_json("/restaurants/", {{"name", "  " + name + "  "},
                                                          {"cuisine_type", "south indian"},
                                                          {"address", "12345"},
                                                          {"phone_number", "(555) 123-4567"}});
  ASSERT_EQ(reply.status, 201) << reply.body;
  EXPECT_EQ(reply.header("content-type").rfind("application/json", 0), 0u) << reply.header("content-type");
  const auto r = reply.json();
  expect_restaurant_shape(r);
  EXPECT_EQ(r["name"], name);
  EXPECT_EQ(r["cuisine_type"], "South Indian");
  EXPECT_EQ(r["address"], "12345");
  EXPECT_EQ(r["phone_number"], "(555) 123-4567");
  EXPECT_TRUE(is_timestamp(r["created_at"].get<std::string>())) << r["created_at"];
  EXPECT_TRUE(is_timestamp(r["updated_at"].get<std::string>())) << r["updated_at"];
}

TEST_F(RestaurantsApi, CreateAppliesDefaults) {
  const auto r = make();
  expect_restaurant_shape(r);
  EXPECT_TRUE(r["rating"].is_number_float()) << r.dump();
  EXPECT_EQ(r["rating"].get<double>(), 0.0);
  EXPECT_EQ(r["is_active"], true);
  EXPECT_TRUE(r["description"].is_null());
  EXPECT_TRUE(r["opening_time"].is_null());
  EXPECT_TRUE(r["closing_time"].is_null());
  // rating is sent as 0.0, as the original does
  const auto raw = client().get(path_of(r));
  EXPECT_NE(raw.body.find("\"rating\":0.0"), std::string::npos) << raw.body;
}

TEST_F(RestaurantsApi, CreateNormalisesTimesOfDayAndKeepsOptionalFields) {
  auto body = restaurant_body(unique_name("Timed"));
  body["opening_time"] = "10:00";
  body["closing_time"] = "22:30:15";
  body["description"] = "Open late";
  body["rating"] = 4.5;
  body["is_active"] = false;
  const auto reply = client().post_json("/restaurants/", body);
  ASSERT_EQ(reply.status, 201) << reply.body;
  const auto r = reply.json();
  EXPECT_EQ(r["opening_time"], "10:00:00");
  EXPECT_EQ(r["closing_time"], "22:30:15");
  EXPECT_EQ(r["description"], "Open late");
  EXPECT_EQ(r["rating"].get<double>(), 4.5);
  EXPECT_EQ(r["is_active"], false);
  EXPECT_EQ(client().get(path_of(r)).json(), r);
}

TEST_F(RestaurantsApi, CreateRejectsABadTimeOfDay) {
  const auto before = total_of(client(), "/restaurants/");
  auto body = restaurant_body(unique_name("Bad Time"));
  body["opening_time"] = "25:00";
  EXPECT_TRUE(has_problem(client().post_json("/restaurants/", body), {"body", "opening_time"}));
  body["opening_time"] = "10am";
  EXPECT_TRUE(has_problem(client().post_json("/restaurants/", body), {"body", "opening_time"}));
  EXPECT_EQ(total_of(client(), "/restaurants/"), before);
}

TEST_F(RestaurantsApi, CreateRejectsAnInvalidPhoneNumber) {
  const auto before = total_of(client(), "/restaurants/");
  auto body = restaurant_body(unique_name("Bad Phone"));
  body["phone_number"] = "555-0123";
  const auto reply = client().post_json("/restaurants/", body);
  ASSERT_TRUE(has_problem(reply, {"body", "phone_number"}, "value_error"));
  const auto detail = reply.json()["detail"];
  ASSERT_EQ(detail.size(), 1u) << reply.body;
  EXPECT_EQ(detail[0]["msg"], "Value error, Invalid phone number format");
  EXPECT_EQ(detail[0]["input"], "555-0123");
  EXPECT_EQ(total_of(client(), "/restaurants/"), before);
}

TEST_F(RestaurantsApi, CreateReportsEveryMissingField) {
  const auto reply = client().post("/restaurants/", "{}");
  for (const char* field : {"name", "cuisine_type", "address", "phone_number"}) {
    EXPECT_TRUE(has_problem(reply, {"body", field}, "missing")) << field;
  }
  EXPECT_EQ(reply.json()["detail"].size(), 4u) << reply.body;
}

TEST_F(RestaurantsApi, CreateChecksLengthsAndRatingRange) {
  auto body = restaurant_body("ab");
  body["address"] = "1234";
  body["rating"] = 5.1;
  body["cuisine_type"] = "   ";
  const auto reply = client().post_json("/restaurants/", body);
  EXPECT_TRUE(has_problem(reply, {"body", "name"}, "string_too_short"));
  EXPECT_TRUE(has_problem(reply, {"body", "address"}, "string_too_short"));
  EXPECT_TRUE(has_problem(reply, {"body", "rating"}, "less_than_equal"));
  EXPECT_TRUE(has_problem(reply, {"body", "cuisine_type"}, "string_too_short"));
  body = restaurant_body(unique_name("Negative"));
  body["rating"] = -0.1;
  EXPECT_TRUE(has_problem(client().post_json("/restaurants/", body), {"body", "rating"}, "greater_than_equal"));
}

TEST_F(RestaurantsApi, DuplicateNameIsRefused) {
  const auto first = make("Dup");
  const auto before = total_of(client(), "/restaurants/");
  auto body = restaurant_body(first["name"].get<std::string>());
  EXPECT_TRUE(is_detail(client().post_json("/restaurants/", body), 400, "Restaurant with this name already exists"));
  body["name"] = "  " + first["name"].get<std::string>() + " ";
  EXPECT_TRUE(is_detail(client().post_json("/restaurants/", body), 400, "Restaurant with this name already exists"));
  EXPECT_EQ(total_of(client(), "/restaurants/"), before);
}

TEST_F(RestaurantsApi, RenamingToAnotherRestaurantsNameIsRefusedButOwnNameIsFine) {
  const auto first = make("Taken");
  const auto second = make("Renamer");
  EXPECT_TRUE(is_detail(client().put_json(path_of(second), {{"name", first["name"]}}), 400,
                        "Restaurant with this name already exists"));
  EXPECT_EQ(client().get(path_of(second)).json()["name"], second["name"]);
  const auto same = client().put_json(path_of(second), {{"name", second["name"]}});
  ASSERT_EQ(same.status, 200) << same.body;
  EXPECT_EQ(same.json()["name"], second["name"]);
}

TEST_F(RestaurantsApi, GetByIdAndNotFound) {
  const auto r = make();
  const auto reply = client().get(path_of(r));
  ASSERT_EQ(reply.status, 200);
  EXPECT_EQ(reply.json(), r);
  EXPECT_TRUE(is_detail(client().get("/restaurants/999999"), 404, "Restaurant not found"));
  EXPECT_TRUE(is_detail(client().put_json("/restaurants/999999", {{"rating", 1.0}}), 404, "Restaurant not found"));
  EXPECT_TRUE(is_detail(client().del("/restaurants/999999"), 404, "Restaurant not found"));
}

TEST_F(RestaurantsApi, PartialUpdateChangesOnlyTheFieldsSent) {
  auto body = restaurant_body(unique_name("Partial"));
  body["description"] = "Keep me";
  body["opening_time"] = "09:00";
  const auto original = create_restaurant(client(), body);
  const auto reply = client().put_json(path_of(original), {{"rating", 3.3}, {"cuisine_type", "THAI"}});
  ASSERT_EQ(reply.status, 200) << reply.body;
  const auto updated = reply.json();
  expect_restaurant_shape(updated);
  EXPECT_EQ(updated["rating"].get<double>(), 3.3);
  EXPECT_EQ(updated["cuisine_type"], "Thai");
  for (const char* unchanged : {"id", "name", "description", "address", "phone_number", "is_active", "opening_time",
                                "closing_time", "created_at"}) {
    EXPECT_EQ(updated[unchanged], original[unchanged]) << unchanged;
  }
  EXPECT_EQ(client().get(path_of(original)).json(), updated);
}

TEST_F(RestaurantsApi, UpdateCanClearNullableFieldsAndEmptyBodyChangesNothing) {
  auto body = restaurant_body(unique_name("Clearable"));
  body["description"] = "Something";
  const auto original = create_restaurant(client(), body);
  const auto cleared = client().put_json(path_of(original), {{"description", nullptr}, {"is_active", false}});
  ASSERT_EQ(cleared.status, 200) << cleared.body;
  EXPECT_TRUE(cleared.json()["description"].is_null());
  EXPECT_EQ(cleared.json()["is_active"], false);
  const auto empty = client().put(path_of(original), "{}");
  ASSERT_EQ(empty.status, 200) << empty.body;
  EXPECT_TRUE(empty.json()["description"].is_null());
  EXPECT_EQ(empty.json()["name"], original["name"]);
}

TEST_F(RestaurantsApi, InvalidUpdateChangesNothing) {
  const auto original = make("Guarded");
  EXPECT_TRUE(has_problem(client().put_json(path_of(original), {{"rating", 9}, {"cuisine_type", "Greek"}}),
                          {"body", "rating"}, "less_than_equal"));
  EXPECT_TRUE(has_problem(client().put_json(path_of(original), {{"name", nullptr}}), {"body", "name"}, "string_type"));
  EXPECT_TRUE(has_problem(client().put_json(path_of(original), {{"phone_number", "12"}}), {"body", "phone_number"},
                          "value_error"));
  EXPECT_EQ(client().get(path_of(original)).json(), original);
}

TEST_F(RestaurantsApi, DeleteAnswers204ThenNotFound) {
  const auto r = make("Doomed");
  const auto before = total_of(client(), "/restaurants/");
  const auto reply = client().del(path_of(r));
  EXPECT_EQ(reply.status, 204);
  EXPECT_TRUE(reply.body.empty()) << reply.body;
  EXPECT_TRUE(is_detail(client().get(path_of(r)), 404, "Restaurant not found"));
  EXPECT_TRUE(is_detail(client().del(path_of(r)), 404, "Restaurant not found"));
  EXPECT_EQ(total_of(client(), "/restaurants/"), before - 1);
}

TEST_F(RestaurantsApi, IdsAreNeverReused) {
  const auto first = make("Reuse");
  ASSERT_EQ(client().del(path_of(first)).status, 204);
  const auto second = make("Reuse");
  EXPECT_GT(second["id"].get<std::int64_t>(), first["id"].get<std::int64_t>());
}

TEST_F(RestaurantsApi, ListIsPaginatedAndEchoesTheWindow) {
  for (int i = 0; i < 3; ++i) make("Listed");
  const auto all = client().get("/restaurants/?limit=1000");
  ASSERT_EQ(all.status, 200);
  const auto everything = all.json();
  ASSERT_TRUE(everything["restaurants"].is_array());
  EXPECT_EQ(everything["skip"], 0);
  EXPECT_EQ(everything["limit"], 1000);
  const auto total = everything["total"].get<std::int64_t>();
  ASSERT_GE(total, 3);
  EXPECT_EQ(static_cast<std::int64_t>(everything["restaurants"].size()), total);

  const auto page = client().get("/restaurants/?skip=1&limit=2").json();
  EXPECT_EQ(page["skip"], 1);
  EXPECT_EQ(page["limit"], 2);
  EXPECT_EQ(page["total"], total);
  ASSERT_EQ(page["restaurants"].size(), 2u);
  EXPECT_EQ(page["restaurants"][0], everything["restaurants"][1]);
  EXPECT_EQ(page["restaurants"][1], everything["restaurants"][2]);

  const auto past_end = client().get("/restaurants/?skip=100000").json();
  EXPECT_EQ(past_end["restaurants"].size(), 0u);
  EXPECT_EQ(past_end["total"], total);

  const auto defaults = client().get("/restaurants/").json();
  EXPECT_EQ(defaults["skip"], 0);
  EXPECT_EQ(defaults["limit"], 100);
  for (const auto& key : {"restaurants", "total", "skip", "limit"}) EXPECT_TRUE(defaults.contains(key)) << key;
  EXPECT_EQ(defaults.size(), 4u);
}

TEST_F(RestaurantsApi, ListRejectsAnOutOfRangeWindow) {
  for (const char* target : {"/restaurants/?limit=0", "/restaurants/?limit=1001", "/restaurants/active?limit=0",
                             "/restaurants/search?cuisine=a&limit=1001"}) {
    EXPECT_TRUE(has_problem(client().get(target), {"query", "limit"})) << target;
  }
  EXPECT_TRUE(has_problem(client().get("/restaurants/?limit=0"), {"query", "limit"}, "greater_than_equal"));
  EXPECT_TRUE(has_problem(client().get("/restaurants/?limit=1001"), {"query", "limit"}, "less_than_equal"));
  EXPECT_TRUE(has_problem(client().get("/restaurants/?skip=-1"), {"query", "skip"}, "greater_than_equal"));
  EXPECT_TRUE(has_problem(client().get("/restaurants/?skip=abc"), {"query", "skip"}, "int_parsing"));
  EXPECT_TRUE(has_problem(client().get("/restaurants/?limit=99999999999999999999"), {"query", "limit"}));
  EXPECT_EQ(client().get("/restaurants/?limit=1000").status, 200);
  EXPECT_EQ(client().get("/restaurants/?limit=1").status, 200);
}

TEST_F(RestaurantsApi, ListIsNewestFirstWithTiesByIdAscending) {
  for (int i = 0; i < 4; ++i) make("Ordered");
  const auto list = client().get("/restaurants/?limit=1000").json()["restaurants"];
  EXPECT_TRUE(newest_first(list));
  const auto active = client().get("/restaurants/active?limit=1000").json()["restaurants"];
  EXPECT_TRUE(newest_first(active));
}

TEST_F(RestaurantsApi, CollectionPathWorksWithAndWithoutTrailingSlash) {
  const auto with_slash = client().get("/restaurants/?limit=1000");
  const auto without = client().get("/restaurants?limit=1000");
  ASSERT_EQ(with_slash.status, 200);
  ASSERT_EQ(without.status, 200) << "no redirect expected";
  EXPECT_EQ(without.json(), with_slash.json());
  const auto created = client().post_json("/restaurants", restaurant_body(unique_name("No Slash")));
  EXPECT_EQ(created.status, 201) << created.body;
}

TEST_F(RestaurantsApi, SearchFindsCuisineCaseInsensitiveSubstring) {
  const auto tag = unique_name("Zyx");  // "Zyx N"
  auto body = restaurant_body(unique_name("Searchable"));
  body["cuisine_type"] = "italian " + tag;
  const auto r = create_restaurant(client(), body);
  const auto other = make("Not Searched");
  const auto suffix = tag.substr(4);  // "N"

  const auto lower = client().get("/restaurants/search?cuisine=" + url_encode("ital")).json();
  EXPECT_TRUE(contains_id(lower["restaurants"], r["id"].get<std::int64_t>()));
  for (const auto& found : lower["restaurants"]) {
    std::string cuisine = found["cuisine_type"];
    for (char& c : cuisine) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    EXPECT_NE(cuisine.find("ital"), std::string::npos) << cuisine;
  }

  const auto exact = client().get("/restaurants/search?cuisine=" + url_encode("ZYX " + suffix)).json();
  EXPECT_EQ(exact["total"], 1) << exact.dump();
  ASSERT_EQ(exact["restaurants"].size(), 1u);
  EXPECT_EQ(exact["restaurants"][0]["id"], r["id"]);
  EXPECT_EQ(exact["skip"], 0);
  EXPECT_EQ(exact["limit"], 100);
  EXPECT_FALSE(contains_id(exact["restaurants"], other["id"].get<std::int64_t>()));
}

TEST_F(RestaurantsApi, SearchPaginates) {
  const auto tag = unique_name("Qpag");
  for (int i = 0; i < 5; ++i) {
    auto body = restaurant_body(unique_name("Paged"));
    body["cuisine_type"] = tag;
    create_restaurant(client(), body);
  }
  const auto all = client().get("/restaurants/search?cuisine=" + url_encode(tag)).json();
  ASSERT_EQ(all["total"], 5);
  ASSERT_EQ(all["restaurants"].size(), 5u);
  EXPECT_TRUE(newest_first(all["restaurants"]));
  const auto page = client().get("/restaurants/search?cuisine=" + url_encode(tag) + "&skip=3&limit=10").json();
  EXPECT_EQ(page["total"], 5);
  EXPECT_EQ(page["skip"], 3);
  EXPECT_EQ(page["limit"], 10);
  ASSERT_EQ(page["restaurants"].size(), 2u);
  EXPECT_EQ(page["restaurants"][0], all["restaurants"][3]);
  EXPECT_EQ(page["restaurants"][1], all["restaurants"][4]);
}

TEST_F(RestaurantsApi, SearchRequiresCuisine) {
  EXPECT_TRUE(has_problem(client().get("/restaurants/search"), {"query", "cuisine"}, "missing"));
  EXPECT_TRUE(has_problem(client().get("/restaurants/search?skip=0"), {"query", "cuisine"}, "missing"));
}

TEST_F(RestaurantsApi, SearchTreatsPercentAndUnderscoreLiterally) {
  const auto tag = unique_name("Lit");  // "Lit N"
  auto plain = restaurant_body(unique_name("Plain Literal"));
  plain["cuisine_type"] = tag + " qab";
  const auto plain_r = create_restaurant(client(), plain);
  auto percent = restaurant_body(unique_name("Percent Literal"));
  percent["cuisine_type"] = tag + " 100% q_b";
  const auto percent_r = create_restaurant(client(), percent);

  auto search = [&](const std::string& text) {
    const auto reply = client().get("/restaurants/search?cuisine=" + url_encode(text) + "&limit=1000");
    EXPECT_EQ(reply.status, 200) << reply.body;
    return reply.json()["restaurants"];
  };
  const auto underscore = search(tag + " 100% q_b");
  EXPECT_EQ(ids_of(underscore), std::vector<std::int64_t>{percent_r["id"].get<std::int64_t>()});
  const auto wildcard_underscore = search("q_b");
  EXPECT_TRUE(contains_id(wildcard_underscore, percent_r["id"].get<std::int64_t>()));
  EXPECT_FALSE(contains_id(wildcard_underscore, plain_r["id"].get<std::int64_t>())) << "'_' matched any character";
  const auto wildcard_percent = search(tag + "%qab");
  EXPECT_TRUE(wildcard_percent.empty()) << "'%' matched any text: " << wildcard_percent.dump();
  for (const auto& found : search("%")) {
    EXPECT_NE(found["cuisine_type"].get<std::string>().find('%'), std::string::npos) << found.dump();
  }
}

TEST_F(RestaurantsApi, ActiveExcludesInactiveRestaurants) {
  auto closed = restaurant_body(unique_name("Closed"));
  closed["is_active"] = false;
  const auto closed_r = create_restaurant(client(), closed);
  const auto open_r = make("Open");
  const auto deactivated = make("Deactivated");
  ASSERT_EQ(client().put_json(path_of(deactivated), {{"is_active", false}}).status, 200);

  const auto active = client().get("/restaurants/active?limit=1000").json();
  EXPECT_TRUE(contains_id(active["restaurants"], open_r["id"].get<std::int64_t>()));
  EXPECT_FALSE(contains_id(active["restaurants"], closed_r["id"].get<std::int64_t>()));
  EXPECT_FALSE(contains_id(active["restaurants"], deactivated["id"].get<std::int64_t>()));
  for (const auto& r : active["restaurants"]) EXPECT_EQ(r["is_active"], true);
  EXPECT_EQ(active["total"].get<std::int64_t>(), static_cast<std::int64_t>(active["restaurants"].size()));

  const auto all = client().get("/restaurants/?limit=1000").json();
  EXPECT_TRUE(contains_id(all["restaurants"], closed_r["id"].get<std::int64_t>()));
  EXPECT_LT(active["total"].get<std::int64_t>(), all["total"].get<std::int64_t>());
}

TEST_F(RestaurantsApi, UnicodeNamesAreCountedInCharacters) {
  // exactly 100 characters, most of them two bytes long: 100 code points is the limit, not 100 bytes
  const auto prefix = unique_name("Cafe");
  std::string name = prefix + " ";
  for (std::size_t i = name.size(); i < 100; ++i) name += "\xC3\xA9";
  auto body = restaurant_body(name);
  const auto reply = client().post_json("/restaurants/", body);
  ASSERT_EQ(reply.status, 201) << reply.body;
  EXPECT_EQ(reply.json()["name"], name);
  EXPECT_EQ(client().get(path_of(reply.json())).json()["name"], name);
}

}  // namespace
}  // namespace zomato::testing
