#include "services/sample_data_service.hpp"

namespace zomato::services {
namespace {

struct sample_restaurant {
  domain::restaurant restaurant;
  std::vector<domain::menu_item> items;
};

const sample_restaurant catalogue[] = {
    {{.name = "Pizza Palace",
      .description = "Authentic Italian pizza with fresh ingredients",
      .cuisine_type = "Italian",
      .address = "123 Main St, Downtown",
      .phone_number = "+1-555-0123",
      .rating = 4.5,
      .opening_time = "10:00:00",
      .closing_time = "22:00:00"},
     {{.name = "Margherita Pizza",
       .description = "Classic tomato, mozzarella, basil",
       .price = 1299,
       .category = "Main Course",
       .is_vegetarian = true,
       .preparation_time = 15},
      {.name = "Pepperoni Pizza",
       .description = "Pepperoni with mozzarella cheese",
       .price = 1499,
       .category = "Main Course",
       .preparation_time = 15},
      {.name = "Caesar Salad",
       .description = "Fresh romaine with caesar dressing",
       .price = 899,
       .category = "Appetizer",
       .is_vegetarian = true,
       .preparation_time = 5}}},
    {{.name = "Burger Barn",
      .description = "Gourmet burgers and craft beer",
      .cuisine_type = "American",
      .address = "456 Oak Ave, Midtown",
      .phone_number = "+1-555-0456",
      .rating = 4.2,
      .opening_time = "11:00:00",
      .closing_time = "23:00:00"},
     {{.name = "Classic Burger",
       .description = "Beef patty, cheddar, pickles",
       .price = 1199,
       .category = "Main Course",
       .preparation_time = 12},
      {.name = "Veggie Burger",
       .description = "Black bean patty with avocado",
       .price = 1099,
       .category = "Main Course",
       .is_vegetarian = true,
       .preparation_time = 12},
      {.name = "Sweet Potato Fries",
       .description = "Crispy fries with sea salt",
       .price = 599,
       .category = "Side",
       .is_vegetarian = true,
       .is_vegan = true,
       .is_gluten_free = true,
       .preparation_time = 8}}},
    {{.name = "Sushi Zen",
      .description = "Fresh sushi and Japanese cuisine",
      .cuisine_type = "Japanese",
      .address = "789 Pine St, Uptown",
      .phone_number = "+1-555-0789",
      .rating = 4.8,
      .opening_time = "12:00:00",
      .closing_time = "22:00:00"},
     {{.name = "Salmon Nigiri",
       .description = "Two pieces of fresh salmon",
       .price = 699,
       .category = "Sushi",
       .is_gluten_free = true,
       .preparation_time = 10},
      {.name = "Dragon Roll",
       .description = "Eel, cucumber and avocado",
       .price = 1599,
       .category = "Sushi",
       .preparation_time = 15},
      {.name = "Miso Soup",
       .description = "Tofu, seaweed and scallions",
       .price = 399,
       .category = "Soup",
       .is_vegetarian = true,
       .is_vegan = true,
       .preparation_time = 5}}},
    {{.name = "Taco Fiesta",
      .description = "Authentic Mexican street tacos",
      .cuisine_type = "Mexican",
      .address = "321 Elm St, Eastside",
      .phone_number = "+1-555-0321",
      .rating = 4.3,
      .opening_time = "10:00:00",
      .closing_time = "21:00:00"},
     {{.name = "Carne Asada Tacos",
       .description = "Grilled steak, onion, cilantro",
       .price = 999,
       .category = "Main Course",
       .is_gluten_free = true,
       .preparation_time = 10},
      {.name = "Veggie Burrito",
       .description = "Beans, rice, peppers and cheese",
       .price = 899,
       .category = "Main Course",
       .is_vegetarian = true,
       .preparation_time = 10},
      {.name = "Guacamole And Chips",
       .description = "Fresh guacamole with corn chips",
       .price = 649,
       .category = "Appetizer",
       .is_vegetarian = true,
       .is_vegan = true,
       .is_gluten_free = true,
       .preparation_time = 5}}},
    {{.name = "Curry House",
      .description = "Traditional Indian curries and tandoor",
      .cuisine_type = "Indian",
      .address = "654 Maple Dr, Westside",
      .phone_number = "+1-555-0654",
      .rating = 4.6,
      .opening_time = "11:00:00",
      .closing_time = "22:00:00"},
     {{.name = "Butter Chicken",
       .description = "Chicken in a creamy tomato sauce",
       .price = 1499,
       .category = "Main Course",
       .is_gluten_free = true,
       .preparation_time = 20},
      {.name = "Vegetable Biryani",
       .description = "Fragrant rice with mixed vegetables",
       .price = 1199,
       .category = "Main Course",
       .is_vegetarian = true,
       .preparation_time = 25},
      {.name = "Garlic Naan",
       .description = "Tandoor bread with garlic butter",
       .price = 349,
       .category = "Bread",
       .is_vegetarian = true,
       .preparation_time = 8}}},
};

const domain::customer people[] = {
    {.name = "Alice Sample",
     .email = "alice.sample@example.com",
     .phone_number = "+1-555-1001",
     .address = "12 Harbour Road, Seaside"},
    {.name = "Bob Sample",
     .email = "bob.sample@example.com",
     .phone_number = "+1-555-1002",
     .address = "34 Station Street, Midtown"},
    {.name = "Carol Sample",
     .email = "carol.sample@example.com",
     .phone_number = "+1-555-1003",
     .address = "56 Garden Lane, Uptown"},
};

// Orders: customer, restaurant, item (indexes into the tables above) and how far they got.
struct sample_order {
  int customer, restaurant, item;
  std::int64_t quantity;
  domain::order_status status;
};

const sample_order history[] = {
    {0, 0, 0, 2, domain::order_status::delivered},        {1, 1, 0, 1, domain::order_status::preparing},
    {2, 2, 1, 2, domain::order_status::placed},           {0, 4, 1, 1, domain::order_status::cancelled},
    {1, 3, 0, 3, domain::order_status::out_for_delivery}, {2, 0, 2, 1, domain::order_status::confirmed},
};

const domain::order_status workflow[] = {domain::order_status::confirmed, domain::order_status::preparing,
                                         domain::order_status::out_for_delivery, domain::order_status::delivered};

}  // namespace

domain::result<sample_result> sample_data_service::create(write_context& writes) {
  sample_result result;
  {
    auto tx = db_.read();
    for (const auto id : tx->samples().ids("restaurant")) {
      if (auto found = tx->restaurants().find(id)) result.restaurants.push_back(std::move(*found));
    }
  }
  if (!result.restaurants.empty()) {
    result.already_there = true;
    return result;
  }
  if (auto taken = conflict()) return *taken;
  auto made = populate(writes, result);
  if (!made) remove(writes);
  return made;
}

std::optional<domain::failure> sample_data_service::conflict() {
  auto tx = db_.read();
  for (const auto& entry : catalogue) {
    if (tx->restaurants().id_named(entry.restaurant.name)) {
      return domain::rule_violation("Restaurant with this name already exists: " + entry.restaurant.name);
    }
  }
  for (const auto& person : people) {
    if (tx->customers().id_with_email(person.email)) {
      return domain::rule_violation("Customer with this email already exists: " + person.email);
    }
  }
  return std::nullopt;
}

domain::result<sample_result> sample_data_service::populate(write_context& writes, sample_result result) {
  std::vector<std::vector<domain::id_t>> item_ids;
  std::vector<domain::id_t> customer_ids;
  const auto remember = [&](const char* kind, domain::id_t id) {
    auto tx = db_.write();
    tx->samples().remember(kind, id);
    writes.commit(*tx);
  };
  for (const auto& entry : catalogue) {
    auto created = restaurants_.create(writes, entry.restaurant);
    if (!created) return created.error();
    remember("restaurant", created->id);
    item_ids.emplace_back();
    for (const auto& item : entry.items) {
      auto added = menu_.add(writes, created->id, item);
      if (!added) return added.error();
      item_ids.back().push_back(added->id);
      ++result.created.menu_items;
    }
    result.restaurants.push_back(std::move(created.value()));
    ++result.created.restaurants;
  }
  for (const auto& person : people) {
    auto created = customers_.create(writes, person);
    if (!created) return created.error();
    remember("customer", created->id);
    customer_ids.push_back(created->id);
    ++result.created.customers;
  }
  for (const auto& planned : history) {
    const auto restaurant_id = result.restaurants[static_cast<std::size_t>(planned.restaurant)].id;
    order_request request{
        restaurant_id,
        people[planned.customer].address,
        std::nullopt,
        {{item_ids[static_cast<std::size_t>(planned.restaurant)][static_cast<std::size_t>(planned.item)],
          planned.quantity, std::nullopt}}};
    const auto customer_id = customer_ids[static_cast<std::size_t>(planned.customer)];
    auto placed = orders_.place(writes, customer_id, request, std::nullopt);
    if (!placed) return placed.error();
    const auto order_id = placed->order.id;
    ++result.created.orders;
    if (planned.status == domain::order_status::cancelled) {
      orders_.change_status(writes, order_id, planned.status, std::nullopt);
      continue;
    }
    for (const auto step : workflow) {
      if (planned.status == domain::order_status::placed) break;
      orders_.change_status(writes, order_id, step, std::nullopt);
      if (step == planned.status) break;
    }
    if (planned.status == domain::order_status::delivered &&
        reviews_.add(writes, order_id, customer_id, 5, std::string("Excellent food and fast delivery!"))) {
      ++result.created.reviews;
    }
  }
  return result;
}

sample_counts sample_data_service::remove(write_context& writes) {
  std::vector<domain::id_t> restaurant_ids;
  std::vector<domain::id_t> customer_ids;
  {
    auto tx = db_.read();
    restaurant_ids = tx->samples().ids("restaurant");
    customer_ids = tx->samples().ids("customer");
  }
  sample_counts removed;
  for (const auto id : customer_ids) removed.customers += customers_.remove(writes, id).ok() ? 1 : 0;
  for (const auto id : restaurant_ids) removed.restaurants += restaurants_.remove(writes, id).ok() ? 1 : 0;
  auto tx = db_.write();
  tx->samples().forget_all();
  writes.commit(*tx);
  return removed;
}

}  // namespace zomato::services
